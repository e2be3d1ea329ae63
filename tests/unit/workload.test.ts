import { describe, expect, it } from "vitest";
import { forgottenInTen, minutesAndSeconds, optimalRetention, retentionWarning, RETENTIONS, simulateWorkload, type WorkloadInput } from "@/lib/srs/workload";
import { typedRetentionWarning } from "@/lib/settings/limits";
import { point } from "./workload-point";

const habits = {
  learnSeconds: 20,
  recallSeconds: 8,
  forgetSeconds: 25,
  recallRatings: [1, 8, 1] as [number, number, number],
  firstRatings: [2, 1, 6, 1] as [number, number, number, number],
};
const input: WorkloadInput = {
  weights: null,
  maximumInterval: 36500,
  newCards: 30,
  newPerDay: 5,
  habits,
  cards: Array.from({ length: 40 }, (_, i) => ({ stability: 1 + i, difficulty: 3 + (i % 6), lastDay: -(i % 12), dueDay: i % 20 })),
};

describe("the retention workload simulation", () => {
  it("covers 0.70 to 0.97 and gives the same answer for the same deck", () => {
    expect(RETENTIONS[0]).toBe(0.7);
    expect(RETENTIONS[RETENTIONS.length - 1]).toBe(0.97);
    expect(RETENTIONS).toHaveLength(28);
    expect(simulateWorkload(input, 0.85)).toEqual(simulateWorkload(input, 0.85));
  });

  it("costs more reviews and remembers more at a higher retention", () => {
    const low = simulateWorkload(input, 0.7);
    const high = simulateWorkload(input, 0.97);
    expect(high.reviewsPerDay).toBeGreaterThan(low.reviewsPerDay * 2);
    expect(high.memorized).toBeGreaterThan(low.memorized);
    expect(high.memorized).toBeLessThanOrEqual(input.cards.length + input.newCards);
    // Every card studied or introduced counts once.
    expect(low.memorized).toBeGreaterThan(0.5 * (input.cards.length + input.newCards));
  });

  it("turns the learner's own answer times into minutes", () => {
    const slow = simulateWorkload({ ...input, habits: { ...habits, learnSeconds: 40, recallSeconds: 16, forgetSeconds: 50 } }, 0.9);
    const base = simulateWorkload(input, 0.9);
    expect(slow.reviewsPerDay).toBe(base.reviewsPerDay);
    expect(slow.minutesPerDay).toBeCloseTo(base.minutesPerDay * 2, 10);
  });

  it("takes as optimum the retention with the least work per card remembered", () => {
    expect(optimalRetention([point(0.7, 3), point(0.8, 2.1), point(0.85, 2), point(0.9, 2.4)])!.retention).toBe(0.85);
    expect(optimalRetention([])).toBeNull();
    const pts = RETENTIONS.map((r) => simulateWorkload(input, r));
    const best = optimalRetention(pts)!;
    expect(pts.filter((q) => q.retention >= 0.8).every((q) => q.minutesPerMemorized >= best.minutesPerMemorized)).toBe(true);
  });

  it("never recommends above 95%, where the reviews grow fast, even where the least work lies higher", () => {
    expect(optimalRetention([point(0.9, 3), point(0.95, 2.5), point(0.96, 2), point(0.97, 1)])!.retention).toBe(0.95);
  });

  it("introduces new cards on the days it is given, the same as a daily limit when the days match it", () => {
    const days = Array.from({ length: input.newCards }, (_, i) => Math.floor(i / input.newPerDay));
    expect(simulateWorkload({ ...input, newDays: days }, 0.9)).toEqual(simulateWorkload(input, 0.9));
    // None of them: only the studied cards are reviewed.
    const none = simulateWorkload({ ...input, newDays: [] }, 0.9);
    expect(none.reviewsPerDay).toBeLessThan(simulateWorkload(input, 0.9).reviewsPerDay);
  });

  it("never recommends a retention below 80%, even where the least work lies lower", () => {
    expect(optimalRetention([point(0.7, 1), point(0.75, 1.5), point(0.8, 2.2), point(0.85, 2), point(0.9, 2.4)])!.retention).toBe(0.85);
    expect(optimalRetention([point(0.7, 1), point(0.79, 1.1), point(0.8, 2), point(0.9, 3)])!.retention).toBe(0.8);
    expect(optimalRetention([point(0.7, 1)])).toBeNull();
  });

  it("says a workload in minutes and seconds, and a retention as cards forgotten in ten", () => {
    expect(minutesAndSeconds(0.12)).toBe("7 s");
    expect(minutesAndSeconds(0.75)).toBe("45 s");
    expect(minutesAndSeconds(4.5)).toBe("4 min 30 s");
    expect(minutesAndSeconds(3)).toBe("3 min");
    expect(minutesAndSeconds(25.4)).toBe("25 min");
    expect(minutesAndSeconds(65)).toBe("1 h 5 min");
    expect(forgottenInTen(0.9)).toBe("1 in 10");
    expect(forgottenInTen(0.8)).toBe("2 in 10");
    expect(forgottenInTen(0.85)).toBe("1.5 in 10");
    expect(forgottenInTen(0.97)).toBe("0.3 in 10");
  });
});

describe("the warning on how much to remember, for either group", () => {
  it("warns below 80% and above 95%, in plain words, and says nothing in between", () => {
    expect(retentionWarning(0.79)).toMatch(/^Below 80% you will forget many of these cards/);
    expect(retentionWarning(0.7)).toMatch(/^Below 80%/);
    expect(retentionWarning(0.96)).toBe("Above 95% you get many more reviews for little gain.");
    for (const r of [0.8, 0.85, 0.9, 0.95]) expect(retentionWarning(r), String(r)).toBeNull();
  });

  it("warns on a value as it is typed: a percentage, a percentage with its sign, or a fraction; nothing while it is not a number", () => {
    expect(typedRetentionWarning("97")).toMatch(/^Above 95%/);
    expect(typedRetentionWarning("75 %")).toMatch(/^Below 80%/);
    expect(typedRetentionWarning(0.96)).toMatch(/^Above 95%/);
    expect(typedRetentionWarning(96)).toMatch(/^Above 95%/);
    for (const v of ["90", "95", "80", 0.9, "", "9x", undefined, null]) expect(typedRetentionWarning(v), String(v)).toBeNull();
  });
});
