import { describe, expect, it } from "vitest";
import { Rating, type Grade } from "ts-fsrs";
import { createScheduler, gradeCard, newCardState } from "@/lib/srs/scheduler";
import { CARD_FIELDS, cardFields, cardStateOf, restoredCardFields, reviewLogFields, type VersionedCard } from "@/lib/srs/card-rows";

const settings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day: { timeZone: "UTC", rolloverHour: 0 } };
const start = new Date(Date.UTC(2026, 2, 1, 9, 30, 0));
const steps: { rating: Grade; afterMinutes: number }[] = [
  { rating: Rating.Good, afterMinutes: 0 },
  { rating: Rating.Good, afterMinutes: 10 },
  { rating: Rating.Again, afterMinutes: 60 * 24 * 4 },
  { rating: Rating.Good, afterMinutes: 10 },
  { rating: Rating.Easy, afterMinutes: 60 * 24 * 7 },
];

describe("the ts-fsrs / row mapping", () => {
  it("copies every stored card field and nothing else", () => {
    const row = { ...newCardState("c1", start), id: "c1", userId: "u1", version: 3, catalogCardId: "k" };
    expect(Object.keys(cardFields(row)).sort()).toEqual([...CARD_FIELDS].sort());
    expect(cardStateOf("c1", row)).toEqual(newCardState("c1", start));
  });

  it("writes a log from which undo restores the card exactly, at every step of a sequence", () => {
    const f = createScheduler(settings);
    let card: VersionedCard = { ...newCardState("card-1", start), version: 0 };
    let now = start;
    for (const s of steps) {
      now = new Date(now.getTime() + s.afterMinutes * 60_000);
      const { card: next, log } = gradeCard(f, card, s.rating, now);
      const row = reviewLogFields(card, next, log, { durationMs: 1234, reviewDay: 20_000 });
      // The result is recorded as stored on the card, so a repeated request is answered from it.
      expect(row).toMatchObject({ nextState: next.state, nextDue: next.due, nextScheduledDays: next.scheduledDays, nextStability: next.stability });
      expect(row.prevVersion).toBe(card.version);
      expect(row.nextVersion).toBe(card.version + 1);
      expect(row.rating).toBe(s.rating);
      expect(row.review).toEqual(now);
      // Undo: every field of the card as it was before the grade, due date included.
      expect(restoredCardFields(row)).toEqual(cardFields(card));
      card = { ...next, version: card.version + 1 };
    }
  });

  it("restores the due date that ts-fsrs's rollback would lose", () => {
    const f = createScheduler(settings);
    const first = gradeCard(f, newCardState("c2", start), Rating.Good, start).card;
    const later = new Date(first.due.getTime() + 3 * 86_400_000);
    const before: VersionedCard = { ...first, version: 1 };
    const { card: next, log } = gradeCard(f, before, Rating.Hard, later);
    const row = reviewLogFields(before, next, log, { durationMs: 0, reviewDay: 0 });
    expect(restoredCardFields(row).due).toEqual(first.due);
  });
});
