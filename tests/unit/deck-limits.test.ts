import { describe, expect, it } from "vitest";
import { dailyAllowance } from "@/lib/srs/limits";
import { isLeechLapse, leechChangeOf, leechOutcome, LEECH_FLAGGED, LEECH_SUSPENDED } from "@/lib/srs/leech";

const day = { newPerDay: 10, reviewsPerDay: 200, introduced: 0, reviewed: 0, reviewDue: 0, newAvailable: 50 };

describe("the daily review limit", () => {
  it("offers every due review under the limit, and new cards up to the new-card limit", () => {
    expect(dailyAllowance({ ...day, reviewDue: 30 })).toEqual({ reviews: 30, fresh: 10 });
  });

  it("holds back the reviews over the limit", () => {
    expect(dailyAllowance({ ...day, reviewDue: 350 })).toEqual({ reviews: 200, fresh: 0 });
  });

  it("counts the reviews already done today against the limit", () => {
    expect(dailyAllowance({ ...day, reviewed: 150, reviewDue: 80 })).toEqual({ reviews: 50, fresh: 0 });
    expect(dailyAllowance({ ...day, reviewed: 200, reviewDue: 80 })).toEqual({ reviews: 0, fresh: 0 });
  });

  it("caps new cards by what is left of the review limit, as Anki's v3 scheduler does", () => {
    expect(dailyAllowance({ ...day, reviewDue: 195 })).toEqual({ reviews: 195, fresh: 5 });
    expect(dailyAllowance({ ...day, reviewsPerDay: 20, introduced: 8, reviewDue: 10 })).toEqual({ reviews: 10, fresh: 2 });
  });

  it("counts new cards introduced today against both limits", () => {
    expect(dailyAllowance({ ...day, introduced: 7 })).toEqual({ reviews: 0, fresh: 3 });
    expect(dailyAllowance({ ...day, introduced: 12 })).toEqual({ reviews: 0, fresh: 0 });
  });

  it("offers nothing but learning steps with a limit of 0", () => {
    expect(dailyAllowance({ ...day, reviewsPerDay: 0, reviewDue: 5 })).toEqual({ reviews: 0, fresh: 0 });
  });

  it("never offers more new cards than exist", () => {
    expect(dailyAllowance({ ...day, newAvailable: 3 })).toEqual({ reviews: 0, fresh: 3 });
  });
});

describe("the leech rule", () => {
  it("makes a card a leech on the lapse that reaches the threshold", () => {
    expect(isLeechLapse(6, 7, 8)).toBe(false);
    expect(isLeechLapse(7, 8, 8)).toBe(true);
  });

  it("catches a leech again every half threshold of further lapses, as Anki does", () => {
    expect([9, 10, 11, 12, 13, 16].map((n) => isLeechLapse(n - 1, n, 8))).toEqual([false, false, false, true, false, true]);
    expect([3, 4, 5].map((n) => isLeechLapse(n - 1, n, 3))).toEqual([true, false, true]);
  });

  it("fires only on a lapse, not on a grade that leaves the lapses as they were", () => {
    expect(isLeechLapse(8, 8, 8)).toBe(false);
  });

  it("flags and suspends by default, flags only when the setting says so, and records only what it changed", () => {
    const lapse = { prevLapses: 7, nextLapses: 8, leech: false, suspended: false };
    expect(leechChangeOf(lapse, { threshold: 8, action: "suspend" })).toBe(LEECH_FLAGGED | LEECH_SUSPENDED);
    expect(leechChangeOf(lapse, { threshold: 8, action: "flag" })).toBe(LEECH_FLAGGED);
    expect(leechChangeOf({ ...lapse, leech: true, prevLapses: 11, nextLapses: 12 }, { threshold: 8, action: "suspend" })).toBe(LEECH_SUSPENDED);
    expect(leechChangeOf({ ...lapse, prevLapses: 6, nextLapses: 7 }, { threshold: 8, action: "suspend" })).toBe(0);
  });

  it("only ever adds a flag or a suspension, never clears one a learner or an earlier lapse set", () => {
    const at = new Date("2026-03-10T12:00:00Z");
    const earlier = new Date("2026-03-01T12:00:00Z");
    const rule = { threshold: 8, action: "suspend" };
    expect(leechOutcome({ prevLapses: 7, nextLapses: 8, leech: false, suspendedAt: null }, rule, at)).toEqual({
      leechChange: LEECH_FLAGGED | LEECH_SUSPENDED,
      leech: true,
      suspendedAt: at,
    });
    expect(leechOutcome({ prevLapses: 7, nextLapses: 8, leech: false, suspendedAt: earlier }, rule, at)).toEqual({
      leechChange: LEECH_FLAGGED,
      leech: true,
      suspendedAt: earlier,
    });
    // Fewer lapses than before (a replay that re-ordered them): the flags stay as they are.
    expect(leechOutcome({ prevLapses: 9, nextLapses: 8, leech: true, suspendedAt: null }, rule, at)).toEqual({
      leechChange: 0,
      leech: true,
      suspendedAt: null,
    });
  });
});
