// Read aloud in review (browser speech synthesis): what is said for a card, in order, and the
// player as a pure reducer; ./use-read-aloud.ts performs the current step and reports it done.
// The prompt (and its choices) first; with auto-advance a pause to think, then the answer is
// shown, which starts the answer's steps: the answer and its explanation. Grading stays with
// the learner (the big buttons, a swipe or the keys).
export type SpeechStep = { say: string } | { pauseMs: number } | { reveal: true };

// Long enough to recall the answer before it is read out.
export const THINK_MS = 5_000;

type SpokenCard = { cardId: string; prompt: string; choices?: string[] | null; answer: string; explanation?: string | null };

export function readAloudSteps(card: Omit<SpokenCard, "cardId">, o: { revealed: boolean; autoAdvance: boolean }): SpeechStep[] {
  if (o.revealed) {
    return [{ say: `Answer: ${card.answer}` }, ...(card.explanation ? [{ say: card.explanation }] : [])];
  }
  const steps: SpeechStep[] = [{ say: card.prompt }];
  if (card.choices?.length) steps.push({ say: `Choices: ${card.choices.join("; ")}.` });
  if (o.autoAdvance) steps.push({ pauseMs: THINK_MS }, { reveal: true });
  return steps;
}

// Where the browser offers no voice, read aloud is not offered (the control says so).
export type Availability = "checking" | "available" | "none";

export function availabilityOf(hasSynthesis: boolean, voices: number, waitedEnough: boolean): Availability {
  if (!hasSynthesis) return "none";
  if (voices > 0) return "available";
  return waitedEnough ? "none" : "checking";
}

// This device's choice: off, on, or on with the answer shown by itself ("hands-free").
export type ReadAloudMode = "off" | "on" | "hands-free";

export type ReadAloudState = {
  mode: ReadAloudMode;
  availability: Availability;
  card: SpokenCard | null;
  revealed: boolean;
  // The step being performed, in readAloudSteps of the card as shown; `run` counts every
  // (re)start, so a report from a step of an earlier run is told apart and ignored.
  at: number;
  run: number;
};

export type ReadAloudEvent =
  | { type: "voices"; availability: Availability }
  | { type: "choose"; mode: ReadAloudMode }
  // The card on screen, or its answer shown: reading starts again from its first step.
  | { type: "show"; card: SpokenCard | null; revealed: boolean }
  | { type: "done"; run: number; at: number };

export const READ_ALOUD_INITIAL: ReadAloudState = { mode: "off", availability: "checking", card: null, revealed: false, at: 0, run: 0 };

const restart = (s: ReadAloudState): ReadAloudState => ({ ...s, at: 0, run: s.run + 1 });

export function readAloudReducer(s: ReadAloudState, e: ReadAloudEvent): ReadAloudState {
  switch (e.type) {
    case "voices":
      // Voices that turn up late start the reading; losing them stops it.
      return e.availability === s.availability ? s : restart({ ...s, availability: e.availability });
    case "choose":
      return e.mode === s.mode ? s : restart({ ...s, mode: e.mode });
    case "show":
      if (e.card?.cardId === s.card?.cardId && e.revealed === s.revealed) return s;
      return restart({ ...s, card: e.card, revealed: e.revealed });
    case "done":
      return e.run === s.run && e.at === s.at ? { ...s, at: s.at + 1 } : s;
  }
}

// The step to perform now, or null: read aloud off, no voice, no card, or all said.
export function currentStep(s: ReadAloudState): SpeechStep | null {
  if (s.mode === "off" || s.availability !== "available" || !s.card) return null;
  return readAloudSteps(s.card, { revealed: s.revealed, autoAdvance: s.mode === "hands-free" })[s.at] ?? null;
}
