// The leech rule, as Anki's: a lapse that brings a card's lapses to the threshold makes it a
// leech, and so does every further half-threshold of lapses (8, 12, 16 … for the default 8),
// so a leech that was unsuspended and keeps failing is caught again. Pure, unit-tested.
// Every path that changes a card's lapses (online grading, offline grades put in their place
// in the history, the demo seed) decides through leechOutcome / leechChangeOf, so a new
// exception to the rule belongs there and nowhere else.

export const DEFAULT_LEECH_THRESHOLD = 8;
export const LEECH_ACTIONS = ["suspend", "flag"] as const;
export type LeechAction = (typeof LEECH_ACTIONS)[number];

export type LeechRule = { threshold: number; action: string };

export function isLeechLapse(prevLapses: number, nextLapses: number, threshold: number): boolean {
  if (nextLapses <= prevLapses || nextLapses < threshold) return false;
  const step = Math.max(1, Math.ceil(threshold / 2));
  return (nextLapses - threshold) % step === 0;
}

// Bits stored on the review log (ReviewLog.leechChange) so that undoing the grade undoes them.
export const LEECH_FLAGGED = 1;
export const LEECH_SUSPENDED = 2;

// A safety card (a warning sign) is never suspended by the leech rule, only flagged: it is the
// card a learner most needs to keep seeing.
export function leechRuleFor<R extends { action: string }>(rule: R, safety: boolean): R {
  return safety ? { ...rule, action: "flag" } : rule;
}

export function leechChangeOf(card: { prevLapses: number; nextLapses: number; leech: boolean; suspended: boolean }, rule: LeechRule): number {
  if (!isLeechLapse(card.prevLapses, card.nextLapses, rule.threshold)) return 0;
  return (card.leech ? 0 : LEECH_FLAGGED) | (rule.action === "suspend" && !card.suspended ? LEECH_SUSPENDED : 0);
}

// What a change of a card's lapses (prevLapses → nextLapses, at `at`) does to its flags: the
// bits for the log, and the card's leech flag and suspension after it. The rule only ever adds a
// flag or a suspension; it never clears one a learner or an earlier lapse set.
export function leechOutcome(
  card: { prevLapses: number; nextLapses: number; leech: boolean; suspendedAt: Date | null },
  rule: LeechRule,
  at: Date,
): { leechChange: number; leech: boolean; suspendedAt: Date | null } {
  const leechChange = leechChangeOf({ prevLapses: card.prevLapses, nextLapses: card.nextLapses, leech: card.leech, suspended: card.suspendedAt != null }, rule);
  return {
    leechChange,
    leech: card.leech || (leechChange & LEECH_FLAGGED) !== 0,
    suspendedAt: leechChange & LEECH_SUSPENDED ? at : card.suspendedAt,
  };
}
