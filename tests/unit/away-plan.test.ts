import { describe, expect, it } from "vitest";
import {
  backlogDays,
  breakMoves,
  defaultSpreadDays,
  describeMoves,
  isBacklog,
  relativeOverdueness,
  spreadCards,
  summarizeMoves,
  type SpreadCard,
} from "@/lib/srs/away/plan";

const card = (id: string, dueDay: number, intervalDays: number, safety = false): SpreadCard => ({
  id,
  safety,
  dueDay,
  lastReviewDay: dueDay - intervalDays,
  intervalDays,
});

describe("relative overdueness", () => {
  it("is the time since the last review as a share of the interval", () => {
    expect(relativeOverdueness({ lastReviewDay: 100, intervalDays: 10 }, 115)).toBe(1.5);
    expect(relativeOverdueness({ lastReviewDay: 100, intervalDays: 0 }, 102)).toBe(2);
  });
});

describe("spreading cards over days", () => {
  it("puts the cards that waiting harms most on the first day and the least harmed last", () => {
    // Due the same day; the short interval suffers most from a delay.
    const cards = [card("long", 200, 60), card("short", 200, 2), card("mid", 200, 10)];
    const { moves } = spreadCards(cards, 205, 3, 90);
    expect(moves).toEqual([
      { id: "short", fromDay: 200, toDay: 205 },
      { id: "mid", fromDay: 200, toDay: 206 },
      { id: "long", fromDay: 200, toDay: 207 },
    ]);
  });

  it("gives each day about the same number of cards", () => {
    const cards = Array.from({ length: 10 }, (_, i) => card(`c${i}`, 200, 5 + i));
    const { moves } = spreadCards(cards, 201, 3, 90);
    const perDay = [201, 202, 203].map((d) => moves.filter((m) => m.toDay === d).length);
    expect(perDay).toEqual([4, 4, 2]);
  });

  it("puts safety cards first and never past their interval cap; one that cannot be kept within it stays", () => {
    const cards = [card("plain", 200, 3), card("safe", 200, 80, true), card("safe-old", 200, 89, true)];
    const { moves, kept } = spreadCards(cards, 202, 2, 90);
    // "safe" was reviewed on day 120: day 202 is 82 days after, within 90.
    expect(moves.find((m) => m.id === "safe")).toEqual({ id: "safe", fromDay: 200, toDay: 202 });
    // "safe-old" (reviewed on day 111) would be 91 days: it is not moved.
    expect(kept.map((c) => c.id)).toEqual(["safe-old"]);
    expect(moves.map((m) => m.id)).toEqual(["safe", "plain"]);
  });

  it("never moves a card earlier than it is due", () => {
    const { moves } = spreadCards([card("late", 210, 5), card("early", 199, 5)], 200, 5, 90);
    expect(moves).toEqual([{ id: "early", fromDay: 199, toDay: 200 }]);
  });

  it("is the same plan for the same cards in any order", () => {
    const cards = Array.from({ length: 7 }, (_, i) => card(`c${i}`, 200 + (i % 3), 3 + (i % 2)));
    expect(spreadCards([...cards].reverse(), 210, 3, 90)).toEqual(spreadCards(cards, 210, 3, 90));
  });
});

describe("a break", () => {
  it("moves the cards due on its days to the days after it, and leaves the others", () => {
    const cards = [card("before", 99, 5), card("in1", 100, 5), card("in2", 104, 5), card("after", 106, 5)];
    const { moves } = breakMoves(cards, { startDay: 100, endDay: 104, spreadDays: 2 }, 98, 90);
    expect(moves.map((m) => m.id).sort()).toEqual(["in1", "in2"]);
    expect(moves.every((m) => m.toDay === 105 || m.toDay === 106)).toBe(true);
  });

  it("starting today takes the overdue cards along", () => {
    const cards = [card("overdue", 95, 5), card("today", 100, 5)];
    const { moves } = breakMoves(cards, { startDay: 100, endDay: 101, spreadDays: 2 }, 100, 90);
    expect(moves.map((m) => m.id).sort()).toEqual(["overdue", "today"]);
  });

  it("spreads over as many days as it lasts by default, at least 2 and at most 14", () => {
    expect(defaultSpreadDays({ startDay: 10, endDay: 10 })).toBe(2);
    expect(defaultSpreadDays({ startDay: 10, endDay: 16 })).toBe(7);
    expect(defaultSpreadDays({ startDay: 10, endDay: 50 })).toBe(14);
  });
});

describe("a backlog", () => {
  it("is more than about two days of the learner's reviews, and at least 30 cards", () => {
    expect(isBacklog(200, 20)).toBe(true);
    expect(isBacklog(35, 20)).toBe(false);
    expect(isBacklog(29, 0)).toBe(false);
    expect(isBacklog(30, 0)).toBe(true);
  });

  it("is spread over enough days that each holds about a usual day's reviews", () => {
    expect(backlogDays(200, 20)).toBe(10);
    expect(backlogDays(60, 5)).toBe(3);
    expect(backlogDays(1000, 10)).toBe(14);
  });
});

describe("the summary", () => {
  it("says how many cards move, by how much, and their expected recall", () => {
    const s = summarizeMoves(
      [
        { fromDay: 10, toDay: 12, recallBefore: 0.9, recallAfter: 0.86 },
        { fromDay: 10, toDay: 14, recallBefore: 0.9, recallAfter: 0.8 },
        { fromDay: 11, toDay: 15, recallBefore: 0.9, recallAfter: 0.83 },
      ],
      1,
    );
    expect(s).toMatchObject({ moved: 3, keptSafety: 1, minShiftDays: 2, medianShiftDays: 4, maxShiftDays: 4 });
    expect(describeMoves(s)).toBe(
      "3 cards move by 2 to 4 days (usually 4 days). When they come up you can expect to remember about 83% of them (90% on time). 1 warning-sign card cannot wait that long and stays due.",
    );
  });

  it("says plainly when nothing moves", () => {
    expect(describeMoves(summarizeMoves([], 0))).toBe("No cards are due then, so nothing moves.");
  });
});
