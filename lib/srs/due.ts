import { State } from "ts-fsrs";
// "Due" has one meaning everywhere (the review queue's counts, /progress, the home page and
// the forecast's first day): a card already studied (not new) whose due time is before the
// end of the learner's current study day. Learning steps due later today count, as in Anki's
// learning count; new cards never do, since the daily new-card limit governs them.
import { studyDayBounds, type DayContext } from "./day";

export type Dueable = { state: number; due: Date };

export function dueCutoff(now: Date, ctx: DayContext): Date {
  return studyDayBounds(now, ctx).end;
}

export function isDue(card: Dueable, cutoff: Date): boolean {
  return card.state !== State.New && card.due.getTime() < cutoff.getTime();
}

export function countDue(cards: Iterable<Dueable>, cutoff: Date): number {
  let n = 0;
  for (const c of cards) if (isDue(c, cutoff)) n++;
  return n;
}

// Suspended and buried cards are out of every queue (review, counts, "due today"), whatever
// their due date: suspended until unsuspended, buried until `buriedUntil`, the start of the
// study day after the one they were buried on. As a query expression: lib/srs/card-queries.ts.

export type Queueable = { suspendedAt: Date | null; buriedUntil: Date | null };

export function isQueued(card: Queueable, now: Date): boolean {
  return card.suspendedAt == null && (card.buriedUntil == null || card.buriedUntil.getTime() <= now.getTime());
}
