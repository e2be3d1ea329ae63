import { describe, expect, it } from "vitest";
import { readLessonFiles } from "@/lib/content/load";
import { cardSequence, countItems, FULL_TRAINING_MIN_ITEMS } from "@/lib/optimizer/items";
import { demoSessionSize, DEMO_SESSION, planDemoHistory, withLeechRule } from "../../scripts/seed-demo";
import { Rating } from "ts-fsrs";

const lessons = readLessonFiles()
  .map((l) => l.lesson)
  .sort((a, b) => a.order - b.order);
const now = new Date("2026-11-20T10:00:00Z");

describe("the demo account's history", () => {
  it("is the same on every run for the same day", () => {
    const a = planDemoHistory(lessons, now);
    const b = planDemoHistory(lessons, new Date("2026-11-20T18:30:00Z"));
    expect(b.logs).toEqual(a.logs);
    expect([...b.cards.entries()]).toEqual([...a.cards.entries()]);
  });

  it("gives the optimizer enough training items, spans about 60 days and several lessons, and has lapses and a leech", () => {
    const { logs, cards, leech, cardKeys } = planDemoHistory(lessons, now);
    const seqs = cardKeys.map((k) => cardSequence(logs.filter((l) => l.cardKey === k)));
    expect(countItems(seqs)).toBeGreaterThanOrEqual(FULL_TRAINING_MIN_ITEMS);
    const days = new Set(logs.map((l) => l.reviewDay));
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThanOrEqual(55);
    expect(days.size).toBeGreaterThanOrEqual(40);
    const lessonsReviewed = lessons.filter((l) => l.cards.some((c) => cards.has(c.id)));
    expect(lessonsReviewed.length).toBeGreaterThanOrEqual(3);
    expect(cards.get(leech)!.lapses).toBeGreaterThanOrEqual(8);
    const othersLapsed = [...cards.entries()].filter(([k, c]) => k !== leech && c.lapses > 0);
    expect(othersLapsed.length).toBeGreaterThanOrEqual(3);
    // Nothing in the future: every review happened before "now".
    expect(Math.max(...logs.map((l) => l.review.getTime()))).toBeLessThan(now.getTime());
  });

  it("flags the leech by the grading rule at its eighth lapse, and no other card", () => {
    const plan = planDemoHistory(lessons, now);
    const { logs, leeches } = withLeechRule(plan.logs);
    expect([...leeches]).toEqual([plan.leech]);
    const flagged = logs.filter((l) => l.leechChange !== 0);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ cardKey: plan.leech, prevLapses: 7, rating: Rating.Again });
  });

  it("opens a session of 15 to 20 cards, some of them due reviews, whatever the day it is seeded on", { timeout: 60_000 }, () => {
    // Start days across a year, at hours before and after the study day's rollover (04:00).
    const days = [
      "2026-01-01T10:00:00Z",
      "2026-02-28T03:59:00Z",
      "2026-03-29T02:00:00Z",
      "2026-06-21T12:00:00Z",
      "2026-08-31T23:59:00Z",
      "2026-10-25T04:00:00Z",
      "2027-02-14T18:30:00Z",
    ];
    for (const iso of days) {
      const at = new Date(iso);
      const { due, fresh } = demoSessionSize(planDemoHistory(lessons, at), at);
      expect(due + fresh, iso).toBeGreaterThanOrEqual(DEMO_SESSION.min);
      expect(due + fresh, iso).toBeLessThanOrEqual(DEMO_SESSION.max);
      expect(due, iso).toBeGreaterThanOrEqual(5);
      expect(DEMO_SESSION.min).toBe(15);
    }
  });
});
