import type { Grade } from "ts-fsrs";
import { studyDayNumber, type DayContext } from "./day";
import { gradeCard, type Scheduler } from "./scheduler";
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
