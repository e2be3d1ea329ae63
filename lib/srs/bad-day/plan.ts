// The bad-day review, as pure rules (unit-tested): when a check-in makes a bad day, how many
// cards fit in about two minutes, which of today's due cards those are, and which are moved
// to the next study day. No I/O; lib/srs/bad-day/index.ts reads and writes.

// 7 or more out of 10, or "in a flare".
export const BAD_DAY_SCORE = 7;
// About two minutes of reviewing.
export const BAD_DAY_SESSION_MS = 120_000;
// The session size when the learner's answer time is not known yet (about 15 s a card).
export const DEFAULT_SESSION_CARDS = 8;
export const MIN_SESSION_CARDS = 3;
export const MAX_SESSION_CARDS = 15;

export function isBadDay(checkIn: { score: number | null; flare: boolean }): boolean {
  return checkIn.flare || (checkIn.score != null && checkIn.score >= BAD_DAY_SCORE);
}

// How many cards fit in the session, from the learner's typical (median) answer time.
export function sessionCap(medianAnswerMs: number | null): number {
  if (medianAnswerMs == null || !Number.isFinite(medianAnswerMs) || medianAnswerMs <= 0) return DEFAULT_SESSION_CARDS;
  return Math.min(MAX_SESSION_CARDS, Math.max(MIN_SESSION_CARDS, Math.floor(BAD_DAY_SESSION_MS / medianAnswerMs)));
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// A card due today. `drop`: how much its recall probability falls if it waits until the next
// study day (R now minus R then): the damage postponing it does.
export type DueToday = { id: string; safety: boolean; quickRelief: boolean; due: Date; drop: number };

// Kept, in the order they matter: the due safety cards, then the quick-relief cards (each by
// due date), then the cards that waiting would hurt most. The rest are postponed: the cards
// whose recall drops least by waiting a day. Ties go by due date, then id, so the plan is stable.
export function planBadDay<T extends DueToday>(cards: T[], cap: number): { keep: T[]; postpone: T[] } {
  const rank = (c: T) => (c.safety ? 0 : c.quickRelief ? 1 : 2);
  const ordered = [...cards].sort(
    (a, b) => rank(a) - rank(b) || (rank(a) === 2 ? b.drop - a.drop : 0) || a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const n = Math.max(0, cap);
  return { keep: ordered.slice(0, n), postpone: ordered.slice(n) };
}
