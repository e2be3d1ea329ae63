import { describe, expect, it } from "vitest";
import { availabilityOf, readAloudSteps, THINK_MS } from "@/app/review/read-aloud";

const card = { prompt: "What helps most in the first days?", choices: null, answer: "Keep moving gently", explanation: "Bed rest slows recovery." };

describe("read aloud in review", () => {
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
