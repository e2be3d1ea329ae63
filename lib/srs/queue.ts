// Which card to show next, from the cards due before the end of the study day and the new
// cards still allowed today. Pure, so the order is unit-tested without a database.

// As in Anki: a learning step due within 20 minutes may be shown early when nothing else is left.
export const LEARN_AHEAD_MS = 20 * 60_000;

type Queued = { state: number; due: Date };

const isLearning = (c: Queued) => c.state === 1 || c.state === 3;

export function pickNext<T extends Queued>(due: T[], fresh: T[], now: Date): T | undefined {
  const t = now.getTime();
  const byDue = (a: T, b: T) => a.due.getTime() - b.due.getTime();
  // Learning steps that are due come first: their short intervals are the point of them.
  const learningNow = due.filter((c) => isLearning(c) && c.due.getTime() <= t).sort(byDue)[0];
  if (learningNow) return learningNow;
  const review = due.filter((c) => c.state === 2).sort(byDue)[0];
  if (review) return review;
  if (fresh[0]) return fresh[0];
  return due.filter((c) => isLearning(c) && c.due.getTime() <= t + LEARN_AHEAD_MS).sort(byDue)[0];
}
