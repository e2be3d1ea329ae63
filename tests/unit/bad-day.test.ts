import { describe, expect, it } from "vitest";
import { isBadDay, median, planBadDay, sessionCap, DEFAULT_SESSION_CARDS, MAX_SESSION_CARDS, MIN_SESSION_CARDS } from "@/lib/srs/bad-day/plan";
import { pickNext } from "@/lib/srs/queue";
import { leechChangeOf, leechRuleFor, LEECH_FLAGGED } from "@/lib/srs/leech";
import { safetySettings, SAFETY_MAX_INTERVAL_DAYS, SAFETY_RETENTION } from "@/lib/srs/safety";

const now = new Date("2026-05-01T10:00:00Z");
const at = (min: number) => new Date(now.getTime() + min * 60_000);
const due = (id: string, drop: number, o: { safety?: boolean; quickRelief?: boolean; dueMin?: number } = {}) => ({
  id,
  drop,
  safety: o.safety ?? false,
  quickRelief: o.quickRelief ?? false,
  due: at(o.dueMin ?? -60),
});

describe("what makes a bad day", () => {
  it("is a score of 7 or more, or being in a flare whatever the score", () => {
    expect(isBadDay({ score: 6, flare: false })).toBe(false);
    expect(isBadDay({ score: 7, flare: false })).toBe(true);
    expect(isBadDay({ score: 2, flare: true })).toBe(true);
    expect(isBadDay({ score: null, flare: false })).toBe(false);
  });
});

describe("the bad-day session size", () => {
  it("fits about two minutes of the learner's usual answer time, within bounds, with eight cards when it is unknown", () => {
    expect(sessionCap(null)).toBe(DEFAULT_SESSION_CARDS);
    expect(sessionCap(15_000)).toBe(8);
    expect(sessionCap(30_000)).toBe(4);
    expect(sessionCap(1_000)).toBe(MAX_SESSION_CARDS);
    expect(sessionCap(120_000)).toBe(MIN_SESSION_CARDS);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([])).toBeNull();
  });
});

describe("choosing the bad-day cards", () => {
  it("keeps safety cards, then quick-relief cards, then the cards waiting would hurt most, and postpones the rest", () => {
    const cards = [
      due("calm", 0.01),
      due("fragile", 0.2),
      due("quick", 0.0, { quickRelief: true }),
      due("sign", 0.0, { safety: true, dueMin: -5 }),
      due("sign-older", 0.0, { safety: true, dueMin: -500 }),
      due("middling", 0.05),
    ];
    const { keep, postpone } = planBadDay(cards, 5);
    expect(keep.map((c) => c.id)).toEqual(["sign-older", "sign", "quick", "fragile", "middling"]);
    expect(postpone.map((c) => c.id)).toEqual(["calm"]);
  });

  it("postpones everything beyond the cap, and nothing when all fit", () => {
    const cards = [due("a", 0.1), due("b", 0.3), due("c", 0.2)];
    expect(planBadDay(cards, 1).postpone.map((c) => c.id)).toEqual(["c", "a"]);
    expect(planBadDay(cards, 10).postpone).toEqual([]);
  });
});

describe("safety cards in the queue and the leech rule", () => {
  const card = (id: string, state: number, dueMin: number, safety = false) => ({ id, state, due: at(dueMin), safety });

  it("offers a due safety card before due learning steps and older reviews", () => {
    const queue = [card("r1", 2, -900), card("l1", 1, -1), card("s1", 2, -10, true)];
    expect(pickNext(queue, [], now)?.id).toBe("s1");
    expect(
      pickNext(
        queue.filter((c) => c.id !== "s1"),
        [],
        now,
      )?.id,
    ).toBe("l1");
  });

  it("never suspends a safety card, only flags it", () => {
    const lapse = { prevLapses: 7, nextLapses: 8, leech: false, suspended: false };
    expect(leechChangeOf(lapse, leechRuleFor({ threshold: 8, action: "suspend" }, true))).toBe(LEECH_FLAGGED);
  });

  it("schedules safety cards at the safety group's own retention (95% unless set), whatever the rest's, and at most 90 days apart", () => {
    const day = { timeZone: "UTC", rolloverHour: 4 };
    expect(safetySettings({ desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day })).toMatchObject({
      desiredRetention: SAFETY_RETENTION,
      maximumInterval: SAFETY_MAX_INTERVAL_DAYS,
    });
    expect(safetySettings({ desiredRetention: 0.97, safetyRetention: 0.85, maximumInterval: 30, enableFuzz: true, weights: null, day })).toMatchObject({
      desiredRetention: 0.85,
      maximumInterval: 30,
    });
  });
});
