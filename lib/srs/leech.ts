// The leech rule, as Anki's: a lapse that brings a card's lapses to the threshold makes it a
// leech, and so does every further half-threshold of lapses (8, 12, 16 … for the default 8),
// so a leech that was unsuspended and keeps failing is caught again. Pure, unit-tested.

export const DEFAULT_LEECH_THRESHOLD = 8;
export const LEECH_ACTIONS = ["suspend", "flag"] as const;
export type LeechAction = (typeof LEECH_ACTIONS)[number];

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

export function leechChangeOf(
  card: { prevLapses: number; nextLapses: number; leech: boolean; suspended: boolean },
  rule: { threshold: number; action: string },
): number {
  if (!isLeechLapse(card.prevLapses, card.nextLapses, rule.threshold)) return 0;
  return (card.leech ? 0 : LEECH_FLAGGED) | (rule.action === "suspend" && !card.suspended ? LEECH_SUSPENDED : 0);
}
