// Read aloud in review (browser speech synthesis): what is said for a card, in order. Pure;
// ./use-read-aloud.ts speaks the steps. The prompt (and its choices) first; with auto-advance
// a pause to think, then the answer is shown, which starts the answer's steps: the answer and
// its explanation. Grading stays with the learner (the big buttons or the keys).
export type SpeechStep = { say: string } | { pauseMs: number } | { reveal: true };

// Long enough to recall the answer before it is read out.
export const THINK_MS = 5_000;

type SpokenCard = { prompt: string; choices?: string[] | null; answer: string; explanation?: string | null };

export function readAloudSteps(card: SpokenCard, o: { revealed: boolean; autoAdvance: boolean }): SpeechStep[] {
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
