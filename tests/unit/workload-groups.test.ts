import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { groupRetentions, recommendRetention, splitDeck, type DeckCard, type DeckOptions } from "@/lib/srs/workload-groups";
import { RETENTIONS } from "@/lib/srs/workload";
import { studyDayNumber } from "@/lib/srs/day";
import { point } from "./workload-point";

const ctx = { timeZone: "Europe/London", rolloverHour: 4 };
const NOW = new Date("2026-03-10T12:00:00Z");
const today = studyDayNumber(NOW, ctx);
const habits = {
  learnSeconds: 20,
  recallSeconds: 8,
  forgetSeconds: 20,
  recallRatings: [1, 8, 1] as [number, number, number],
  firstRatings: [2, 1, 6, 1] as [number, number, number, number],
};
const opts: DeckOptions = { today, ctx, weights: null, maximumInterval: 36500, newPerDay: 3, habits };
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

const studied = (safety: boolean, stability: number, position: number): DeckCard => ({
  state: State.Review,
  stability,
  difficulty: 5,
  lastReview: day(-stability),
  due: day(stability),
  safety,
  position,
});
const fresh = (safety: boolean, position: number): DeckCard => ({
  state: State.New,
  stability: 0,
  difficulty: 0,
  lastReview: null,
  due: day(-30),
  safety,
  position,
});

describe("Help me decide's two groups", () => {
  it("gives the warning signs and the rest each their own cards, the warning signs capped at their longest interval", () => {
    const deck = [studied(false, 4, 1), studied(true, 7, 2), studied(false, 10, 3), fresh(true, 4), fresh(false, 5)];
    const { general, safety } = splitDeck(deck, opts);
    expect(general.cards.map((c) => c.stability)).toEqual([4, 10]);
    expect(safety.cards.map((c) => c.stability)).toEqual([7]);
    expect(safety.cards[0]).toEqual({ stability: 7, difficulty: 5, lastDay: -7, dueDay: 7 });
    expect([general.newCards, safety.newCards]).toEqual([1, 1]);
    expect(safety.maximumInterval).toBe(90);
    expect(general.maximumInterval).toBe(36500);
    expect(splitDeck(deck, { ...opts, maximumInterval: 30 }).safety.maximumInterval).toBe(30);
    // The learner's own parameters and answer times in both.
    const w = Array.from({ length: 21 }, (_, i) => i / 10);
    const mine = splitDeck(deck, { ...opts, weights: w });
    expect(mine.general.weights).toBe(w);
    expect(mine.safety.weights).toBe(w);
    expect(mine.safety.habits).toBe(habits);
  });

  it("brings each group's new cards on the day the shared new-card limit reaches them, in catalogue order", () => {
    // Positions 1-8, every third a warning sign; 3 new cards a day between both groups.
    const deck = [1, 2, 3, 4, 5, 6, 7, 8].map((p) => fresh(p % 3 === 0, p)).reverse();
    const { general, safety } = splitDeck(deck, opts);
    // Positions 1 2 3 | 4 5 6 | 7 8 on days 0, 1, 2: warning signs 3 and 6.
    expect(safety.newDays).toEqual([0, 1]);
    expect(general.newDays).toEqual([0, 0, 1, 1, 2, 2]);
    // No new cards a day: none come up.
    expect(splitDeck(deck, { ...opts, newPerDay: 0 }).general.newDays).toEqual([]);
  });

  it("simulates each group over its own allowed range: the warning signs from 80%", () => {
    expect(groupRetentions("general")).toEqual(RETENTIONS);
    expect(groupRetentions("safety")[0]).toBe(0.8);
    expect(groupRetentions("safety").at(-1)).toBe(0.97);
  });

  it("suggests the least work per card remembered from 80% (90% for the warning signs) up to 95%", () => {
    const points = [point(0.75, 1), point(0.8, 1.5), point(0.85, 1.6), point(0.9, 1.8), point(0.93, 1.9), point(0.97, 1.2)];
    expect(recommendRetention(points, "general")!.retention).toBe(0.8);
    expect(recommendRetention(points, "safety")!.retention).toBe(0.9);
    expect(recommendRetention([point(0.97, 1)], "general")).toBeNull();
    expect(recommendRetention([], "safety")).toBeNull();
  });
});
