import { describe, expect, it } from "vitest";
import { answer, askingOrder, isOutcome, stepHref, type CareTier } from "@/lib/now/check";

const signs: { id: string; tier: CareTier; check?: boolean }[] = [
  { id: "one-leg", tier: "gp" },
  { id: "fever", tier: "urgent" },
  { id: "saddle", tier: "emergency" },
  { id: "listed-only", tier: "gp", check: false },
  { id: "both-legs", tier: "emergency" },
  { id: "worried", tier: "gp" },
];

describe("the warning-sign check's steps", () => {
  it("asks the most urgent tier first, keeps the file's order within a tier and leaves out list-only signs", () => {
    expect(askingOrder(signs).map((s) => s.id)).toEqual(["saddle", "both-legs", "fever", "one-leg", "worried"]);
  });

  it("ends at the tier of the first sign answered yes", () => {
    const ordered = askingOrder(signs);
    expect(answer(ordered, 1, true)).toEqual({ kind: "result", outcome: "emergency" });
    expect(answer(ordered, 3, true)).toEqual({ kind: "result", outcome: "urgent" });
    expect(answer(ordered, 5, true)).toEqual({ kind: "result", outcome: "gp" });
  });

  it("moves to the next question on no, and ends at self-care after no to every sign", () => {
    const ordered = askingOrder(signs);
    let step = 1;
    const seen: number[] = [];
    for (;;) {
      const next = answer(ordered, step, false);
      seen.push(step);
      if (next.kind === "result") {
        expect(next.outcome).toBe("self-care");
        break;
      }
      step = next.step;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a question number outside the list", () => {
    expect(() => answer(askingOrder(signs), 0, false)).toThrow(RangeError);
    expect(() => answer(askingOrder(signs), 6, false)).toThrow(RangeError);
  });

  it("gives each step a plain page address, the first question at the check's own", () => {
    expect(stepHref({ kind: "question", step: 1 })).toBe("/now/check");
    expect(stepHref({ kind: "question", step: 4 })).toBe("/now/check/4");
    expect(stepHref({ kind: "result", outcome: "emergency" })).toBe("/now/check/result/emergency");
    expect(stepHref({ kind: "result", outcome: "self-care" })).toBe("/now/check/result/self-care");
    expect(isOutcome("self-care")).toBe(true);
    expect(isOutcome("selfcare")).toBe(false);
  });
});
