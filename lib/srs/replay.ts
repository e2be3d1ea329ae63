import { Rating, State, type Grade } from "ts-fsrs";
import { studyDayNumber, type DayContext } from "./day";
import { gradeCard, newCardState, type CardState, type Scheduler } from "./scheduler";
import type { LoadWindow } from "./load-balance";
import { reviewLogFields, type ReviewLogFields, type VersionedCard } from "./card-rows";

// Replaying grades: from a card's state before a review, each grade in review-time order
// through the one scheduler call that online grading uses (gradeCard), at the review's own
// time. Offline sync uses it to put a late-arriving review in its place in the history, and
// tests use it as the oracle "the card's state equals a fresh replay of its history".
// Pure: no I/O, so that it is unit-tested and runs in the browser as well.

// `balance`: the load the review's even-days pick read (ReviewLog.balance), so the replay lands
// it on the same day; null or absent for a review that was not balanced.
export type ReplayItem = { rating: number; review: Date; durationMs: number; balance?: LoadWindow | null };

export type ReplayStep = { log: ReviewLogFields; card: VersionedCard; balance: LoadWindow | null };

export function replayGrades(f: Scheduler, ctx: DayContext, start: VersionedCard, items: ReplayItem[]): ReplayStep[] {
  const steps: ReplayStep[] = [];
  let card = start;
  for (const item of items) {
    const { card: next, log, balance } = gradeCard(f, card, item.rating as Grade, item.review, item.balance);
    const fields = reviewLogFields(card, next, log, { durationMs: item.durationMs, reviewDay: studyDayNumber(item.review, ctx) });
    card = { ...next, version: fields.nextVersion };
    steps.push({ log: fields, card, balance });
  }
  return steps;
}

// A card's review history, oldest first (undone reviews left out), for rescheduling.
// `balance` is the load window the review's even-days pick read (ReviewLog.balance), if any.
export type PastReview = { rating: number; review: Date; balance?: LoadWindow | null };

// The reviews a card's schedule is made of: those after its last reset (a forget not undone),
// which put it back to new. The reviews before stay in the history but schedule nothing.
function sinceLastReset<H extends { review: Date }>(history: H[], lastReset: Date | null): H[] {
  return lastReset ? history.filter((h) => h.review.getTime() > lastReset.getTime()) : history;
}

// The card as its history, replayed with these parameters, makes it: the memory state the
// parameters give, and for a card in review the due date that memory state gives from its
// last review (as Anki reschedules on new parameters). The replay is ts-fsrs's `reschedule`
// done by hand: it replays with `next` from an empty card, but that card would lack the card
// id our fuzz is seeded with, so unchanged parameters would still move fuzzed cards; grading
// each step through gradeCard (the study clock included) replays exactly what grading did.
// Only the reviews since the card's last reset are replayed (sinceLastReset): the reset made it
// new. Counters and the last review stay the card's own; null when there is nothing to replay.
export function rescheduledCard(s: Scheduler, card: CardState, history: PastReview[], lastReset: Date | null = null): CardState | null {
  const graded = sinceLastReset(history, lastReset).filter((h) => h.rating >= Rating.Again && h.rating <= Rating.Easy);
  if (!graded.length || card.state === State.New) return null;
  let replayed = newCardState(card.id, graded[0]!.review);
  for (const h of graded) replayed = gradeCard(s, replayed, h.rating as Grade, h.review, h.balance).card;
  // Learning steps are timed in minutes, not by memory: only the memory state changes there.
  if (card.state !== State.Review || replayed.state !== State.Review) return { ...card, stability: replayed.stability, difficulty: replayed.difficulty };
  return {
    ...card,
    due: replayed.due,
    stability: replayed.stability,
    difficulty: replayed.difficulty,
    scheduledDays: replayed.scheduledDays,
    elapsedDays: replayed.elapsedDays,
  };
}
