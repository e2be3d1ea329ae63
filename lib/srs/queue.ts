import { State } from "ts-fsrs";
// Which card to show next, from the cards due before the end of the study day and the new
// cards still allowed today. Pure, so the order is unit-tested without a database.

// As in Anki: a learning step due within 20 minutes may be shown early when nothing else is left.
export const LEARN_AHEAD_MS = 20 * 60_000;

// `safety`: a warning-sign card (lib/srs/safety.ts), offered before every other card when due;
// `quickRelief`: set on a bad day only (lib/srs/bad-day), offered next.
type Queued = { state: number; due: Date; safety?: boolean; quickRelief?: boolean };

export const isLearning = (c: { state: number }) => c.state === State.Learning || c.state === State.Relearning;

export function pickNext<T extends Queued>(due: T[], fresh: T[], now: Date): T | undefined {
  const t = now.getTime();
  const byDue = (a: T, b: T) => a.due.getTime() - b.due.getTime();
  // Learning steps that are due come first: their short intervals are the point of them.
  // Due safety cards come before all of that, in the same order among themselves.
  const dueNow = (cards: T[]) =>
    cards.filter((c) => isLearning(c) && c.due.getTime() <= t).sort(byDue)[0] ?? cards.filter((c) => c.state === State.Review).sort(byDue)[0];
  const next = dueNow(due.filter((c) => c.safety)) ?? dueNow(due.filter((c) => c.quickRelief)) ?? dueNow(due);
  if (next) return next;
  if (fresh[0]) return fresh[0];
  return due.filter((c) => isLearning(c) && c.due.getTime() <= t + LEARN_AHEAD_MS).sort(byDue)[0];
}
