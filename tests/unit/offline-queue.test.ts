import { describe, expect, it } from "vitest";
import { localCards, localReviewState } from "@/lib/srs/offline/local-queue";
import { toWire, type LocalGrade, type OfflineSnapshot } from "@/lib/srs/offline/snapshot";
import { cardStateOf } from "@/lib/srs/card-rows";
import { replayGrades } from "@/lib/srs/replay";
import { createScheduler, gradeCard, newCardState, previewIntervals } from "@/lib/srs/scheduler";
import { loadWindow, NORMAL_WEEK } from "@/lib/srs/load-balance";
import { studyDayNumber } from "@/lib/srs/day";
import type { CardView } from "@/lib/content/catalogue";
import { State, Rating, type Grade } from "ts-fsrs";

const day = { timeZone: "UTC", rolloverHour: 4 };
const settings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day };
const NOON = new Date("2026-03-10T12:00:00Z");
const view = (prompt: string): CardView => ({
  kind: "qa",
  prompt,
  answer: "a",
  choices: null,
  explanation: "",
  lessonSlug: "l",
  lessonTitle: "L",
  sectionId: "s",
  sectionHeading: "S",
  sources: [],
});

function snapshot(): OfflineSnapshot {
  const f = createScheduler(settings);
  // One review card due this morning, and two new cards.
  const learnt = gradeCard(f, newCardState("r", new Date("2026-03-01T12:00:00Z")), 4, new Date("2026-03-01T12:00:00Z")).card;
  return {
    userId: "u1",
    takenAt: NOON.toISOString(),
    studyDay: 20522,
    today: { done: 3, again: 1, timeMs: 9000 },
    settings,
    day,
    cards: [
      { cardId: "r", version: 1, fields: toWire({ ...learnt, due: new Date("2026-03-10T06:00:00Z") }), view: view("review card") },
      { cardId: "n1", version: 0, fields: toWire(newCardState("n1", NOON)), view: view("new one") },
      { cardId: "n2", version: 0, fields: toWire(newCardState("n2", NOON)), view: view("new two") },
    ],
  };
}

const g = (cardId: string, rating: Grade, at: Date): LocalGrade => ({
  clientId: `${cardId}-${at.getTime()}`,
  userId: "u1",
  cardId,
  rating,
  reviewedAt: at.getTime(),
  durationMs: 2000,
});

describe("the offline review queue", () => {
  it("shows due reviews before new cards, with the intervals the server's scheduler gives", () => {
    const s = snapshot();
    const state = localReviewState(s, [], NOON);
    expect(state.card?.cardId).toBe("r");
    expect(state.counts).toEqual({ new: 2, learning: 0, review: 1 });
    const f = createScheduler(settings);
    const card = cardStateOf("r", { ...s.cards[0]!.fields, due: new Date(s.cards[0]!.fields.due), lastReview: new Date(s.cards[0]!.fields.lastReview!) });
    expect(state.card?.intervals.map((i) => i.label)).toEqual(previewIntervals(f, card, NOON).map((p) => p.label));
  });

  it("applies waiting grades in order, counts them in today's tally, and forgets a grade that is undone", () => {
    const s = snapshot();
    const t1 = new Date(NOON.getTime() + 60_000);
    const pending = [g("r", Rating.Good, NOON), g("n1", Rating.Again, t1)];
    const state = localReviewState(s, pending, new Date(t1.getTime() + 1000));
    // n1 is in learning (due in a minute), so the next new card comes first.
    expect(state.card?.cardId).toBe("n2");
    expect(state.counts).toEqual({ new: 1, learning: 1, review: 0 });
    expect(state.today).toEqual({ done: 5, again: 2, timeMs: 13000 });
    // Undo is dropping the last waiting grade: the queue is as it was before it.
    expect(localReviewState(s, pending.slice(0, 1), t1).card?.cardId).toBe("n1");
  });

  it("schedules a card exactly as the server's replay of the same grades", () => {
    const s = snapshot();
    const times = [NOON, new Date(NOON.getTime() + 11 * 60_000)];
    const pending = [g("n1", Rating.Good, times[0]!), g("n1", Rating.Good, times[1]!)];
    const after = localReviewState(s, pending, new Date(NOON.getTime() + 12 * 60_000));
    const steps = replayGrades(
      createScheduler(settings),
      day,
      { ...newCardState("n1", NOON), version: 0 },
      pending.map((p) => ({ rating: p.rating, review: new Date(p.reviewedAt), durationMs: 2000 })),
    );
    const { version: _, ...replayed } = steps[1]!.card;
    expect(localCards(s, pending).get("n1")!.card).toEqual(replayed);
    expect(replayed.state).toBe(State.Review);
    // Graduated to review, n1 is due in days: not shown again today (r is the one review due).
    expect(after.card?.cardId).not.toBe("n1");
    expect(after.counts.review).toBe(1);
  });

  it("with even days on, shows the days a review grade can land on, as online, and the server's pick on arrival lies in them", () => {
    const s = { ...snapshot(), evenDays: true };
    const state = localReviewState(s, [], NOON);
    const f = createScheduler(settings);
    const card = localCards(s, []).get("r")!.card;
    const online = previewIntervals(f, card, NOON, null, true);
    expect(state.card?.intervals.map((i) => i.label)).toEqual(online.map((p) => p.label));
    const ranged = online.filter((p) => p.latest);
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged.every((p) => p.label.includes("–"))).toBe(true);
    // Whatever load the server reads when the grade arrives, the day it picks is one shown.
    const today = studyDayNumber(NOON, day);
    for (const busyUntil of [0, 200]) {
      const entries = Array.from({ length: busyUntil }, (_, k) => ({ day: today + 1 + (k % 40), section: "x" }));
      const window = loadWindow(today, 120, entries, null, { weekdays: NORMAL_WEEK, dates: [] });
      for (const p of ranged) {
        const due = gradeCard(f, card, p.rating, NOON, window).card.due.getTime();
        expect(due).toBeGreaterThanOrEqual(p.due.getTime());
        expect(due).toBeLessThanOrEqual(p.latest!.getTime());
      }
    }
    // With even days off (or a copy kept by an older page), each button shows ts-fsrs's own day.
    expect(localReviewState(snapshot(), [], NOON).card?.intervals.map((i) => i.label)).toEqual(previewIntervals(f, card, NOON).map((p) => p.label));
  });

  it("starts a fresh tally on a new study day", () => {
    const s = snapshot();
    const tomorrow = new Date(NOON.getTime() + 86_400_000);
    expect(localReviewState(s, [], tomorrow).today).toEqual({ done: 0, again: 0, timeMs: 0 });
  });
});
