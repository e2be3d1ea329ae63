import { describe, expect, it } from "vitest";
import {
  availabilityOf,
  currentStep,
  READ_ALOUD_INITIAL,
  readAloudReducer,
  readAloudSteps,
  THINK_MS,
  type ReadAloudEvent,
  type ReadAloudState,
} from "@/app/review/read-aloud";

const card = {
  cardId: "c1",
  prompt: "What helps most in the first days?",
  choices: null,
  answer: "Keep moving gently",
  explanation: "Bed rest slows recovery.",
};
const other = { ...card, cardId: "c2", prompt: "When should you call 999?" };

describe("what read aloud says for a review card", () => {
  it("reads the prompt, and the answer with its explanation once the answer shows", () => {
    expect(readAloudSteps(card, { revealed: false, autoAdvance: false })).toEqual([{ say: card.prompt }]);
    expect(readAloudSteps(card, { revealed: true, autoAdvance: false })).toEqual([{ say: "Answer: Keep moving gently" }, { say: card.explanation }]);
  });

  it("with auto-advance, pauses after the prompt and then shows the answer, leaving the grade to the learner", () => {
    const steps = readAloudSteps(card, { revealed: false, autoAdvance: true });
    expect(steps).toEqual([{ say: card.prompt }, { pauseMs: THINK_MS }, { reveal: true }]);
    expect(readAloudSteps(card, { revealed: true, autoAdvance: true }).some((s) => "reveal" in s)).toBe(false);
  });

  it("reads a question's choices after its prompt", () => {
    const q = { ...card, choices: ["Rest in bed", "Keep moving gently"] };
    expect(readAloudSteps(q, { revealed: false, autoAdvance: false })).toEqual([{ say: card.prompt }, { say: "Choices: Rest in bed; Keep moving gently." }]);
  });

  it("is offered only where the browser has a voice, after giving the voices time to load", () => {
    expect(availabilityOf(false, 0, false)).toBe("none");
    expect(availabilityOf(true, 0, false)).toBe("checking");
    expect(availabilityOf(true, 0, true)).toBe("none");
    expect(availabilityOf(true, 3, false)).toBe("available");
  });
});

// Feeds events to the player, reporting each step done as the hook does.
function play(events: ReadAloudEvent[], from: ReadAloudState = READ_ALOUD_INITIAL): ReadAloudState {
  return events.reduce(readAloudReducer, from);
}
const done = (s: ReadAloudState): ReadAloudState => readAloudReducer(s, { type: "done", run: s.run, at: s.at });
const ready = play([
  { type: "voices", availability: "available" },
  { type: "show", card, revealed: false },
]);

describe("the read-aloud player in review", () => {
  it("says nothing until it is switched on, and nothing where there is no voice", () => {
    expect(currentStep(ready)).toBeNull();
    const none = play(
      [
        { type: "voices", availability: "none" },
        { type: "choose", mode: "on" },
      ],
      ready,
    );
    expect(currentStep(none)).toBeNull();
  });

  it("reads the prompt, then stops until the answer shows, then reads the answer and its explanation", () => {
    let s = play([{ type: "choose", mode: "on" }], ready);
    expect(currentStep(s)).toEqual({ say: card.prompt });
    s = done(s);
    expect(currentStep(s)).toBeNull();
    s = readAloudReducer(s, { type: "show", card, revealed: true });
    expect(currentStep(s)).toEqual({ say: "Answer: Keep moving gently" });
    s = done(s);
    expect(currentStep(s)).toEqual({ say: card.explanation });
    expect(currentStep(done(s))).toBeNull();
  });

  it("hands-free: says the prompt, pauses, then shows the answer", () => {
    let s = play([{ type: "choose", mode: "hands-free" }], ready);
    expect(currentStep(s)).toEqual({ say: card.prompt });
    s = done(s);
    expect(currentStep(s)).toEqual({ pauseMs: THINK_MS });
    s = done(s);
    expect(currentStep(s)).toEqual({ reveal: true });
  });

  it("starts over on a new card, and ignores a late report from what was said before", () => {
    let s = play([{ type: "choose", mode: "on" }], ready);
    const stale = { run: s.run, at: s.at };
    s = readAloudReducer(s, { type: "show", card: other, revealed: false });
    expect(currentStep(s)).toEqual({ say: other.prompt });
    s = readAloudReducer(s, { type: "done", ...stale });
    expect(currentStep(s)).toEqual({ say: other.prompt });
  });

  it("stops when switched off, and starts from the prompt again when switched back on", () => {
    let s = done(play([{ type: "choose", mode: "hands-free" }], ready));
    s = readAloudReducer(s, { type: "choose", mode: "off" });
    expect(currentStep(s)).toBeNull();
    s = readAloudReducer(s, { type: "choose", mode: "on" });
    expect(currentStep(s)).toEqual({ say: card.prompt });
  });

  it("waits for voices that load late, then reads", () => {
    let s = play([
      { type: "show", card, revealed: false },
      { type: "choose", mode: "on" },
    ]);
    expect(currentStep(s)).toBeNull();
    s = readAloudReducer(s, { type: "voices", availability: "available" });
    expect(currentStep(s)).toEqual({ say: card.prompt });
  });
});
