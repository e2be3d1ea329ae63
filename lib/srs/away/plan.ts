// "I'm away" and "Back from a break" as pure rules (unit-tested), in study day numbers (as
// lib/srs/day.ts studyDayNumber gives them). Both spread a set of review cards over a run of
// days: the cards waiting would harm most go on the first day, the least harmed go last.
// No I/O; lib/srs/away/index.ts reads and writes.

// A review card that may move. `lastReviewDay` is the study day of its last review and
// `intervalDays` the interval it was given (at least 1).
export type SpreadCard = { id: string; safety: boolean; dueDay: number; lastReviewDay: number; intervalDays: number };

export type Move = { id: string; fromDay: number; toDay: number };

// The FSRS Helper's relative overdueness: how far past its interval a card is on `day`, as a
// share of that interval (elapsed / interval). A long interval absorbs a few days' delay; a
// short one does not, so it is the better measure of harm than the days overdue.
export function relativeOverdueness(c: Pick<SpreadCard, "lastReviewDay" | "intervalDays">, day: number): number {
  return (day - c.lastReviewDay) / Math.max(1, c.intervalDays);
}

// The longest break that can be named, and the longest run of days a backlog or a break's
// cards are spread over.
export const MAX_AWAY_DAYS = 60;
export const MAX_SPREAD_DAYS = 14;

// Spreads `cards` over the days firstDay .. firstDay + days - 1, about the same number each
// day. Safety cards come first and never go past their interval cap (last review + capDays);
// a safety card that no day of the run lets stay within its cap is not moved (`kept`). The
// other cards go most harmed first (relative overdueness on firstDay, highest first), so the
// least harmed wait longest. A card never moves earlier than it is due. Ties go by id.
export function spreadCards<T extends SpreadCard>(cards: T[], firstDay: number, days: number, capDays: number): { moves: Move[]; kept: T[] } {
  const n = Math.max(1, Math.floor(days));
  const harm = (c: T) => relativeOverdueness(c, firstDay);
  const ordered = [...cards].sort(
    (a, b) => Number(b.safety) - Number(a.safety) || harm(b) - harm(a) || a.lastReviewDay - b.lastReviewDay || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const perDay = Math.max(1, Math.ceil(ordered.length / n));
  const moves: Move[] = [];
  const kept: T[] = [];
  let slot = 0;
  for (const c of ordered) {
    let toDay = firstDay + Math.min(n - 1, Math.floor(slot / perDay));
    if (c.safety && toDay - c.lastReviewDay > capDays) {
      // The earliest day of the run, if that is within the cap; otherwise the card stays put.
      if (firstDay - c.lastReviewDay > capDays) {
        kept.push(c);
        continue;
      }
      toDay = firstDay;
    }
    toDay = Math.max(toDay, c.dueDay);
    slot++;
    if (toDay !== c.dueDay) moves.push({ id: c.id, fromDay: c.dueDay, toDay });
  }
  return { moves, kept };
}

// The days a break covers, both ends included: the cards due then (or already overdue, when
// the break starts today) move to the `spreadDays` days after it.
export type Break = { startDay: number; endDay: number; spreadDays: number };

export function breakMoves<T extends SpreadCard>(cards: T[], b: Break, today: number, capDays: number): { moves: Move[]; kept: T[] } {
  const affected = cards.filter((c) => c.dueDay <= b.endDay && (c.dueDay >= b.startDay || b.startDay <= today));
  return spreadCards(affected, b.endDay + 1, b.spreadDays, capDays);
}

// The default spread: as many days as the break, within 2 .. MAX_SPREAD_DAYS.
export const defaultSpreadDays = (b: Pick<Break, "startDay" | "endDay">) => Math.min(MAX_SPREAD_DAYS, Math.max(2, b.endDay - b.startDay + 1));

// Whether today's due count is a backlog worth spreading: more than the learner does in about
// two days (their average reviews on study days lately), and at least `minimum` cards.
export const BACKLOG_MINIMUM = 30;
export function isBacklog(dueCount: number, dailyAverage: number, minimum = BACKLOG_MINIMUM): boolean {
  return dueCount >= minimum && dueCount > 2 * Math.max(0, dailyAverage);
}

// How many days a backlog is spread over by default: enough that each day holds about what
// the learner usually does (at least 20 a day), between 2 and MAX_SPREAD_DAYS.
export function backlogDays(dueCount: number, dailyAverage: number): number {
  const perDay = Math.max(20, Math.round(dailyAverage));
  return Math.min(MAX_SPREAD_DAYS, Math.max(2, Math.ceil(dueCount / perDay)));
}

// What the learner sees before confirming: how many cards move, by how many days, and their
// expected recall when they come up (on time versus moved).
export type MoveSummary = {
  moved: number;
  keptSafety: number;
  minShiftDays: number;
  medianShiftDays: number;
  maxShiftDays: number;
  // Mean expected recall, 0..1, when the moved cards come up: as scheduled, and as moved.
  recallOnTime: number;
  recallMoved: number;
};

export function summarizeMoves(moves: { fromDay: number; toDay: number; recallBefore: number; recallAfter: number }[], keptSafety: number): MoveSummary {
  const shifts = moves.map((m) => m.toDay - m.fromDay).sort((a, b) => a - b);
  const mid = shifts.length >> 1;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  return {
    moved: moves.length,
    keptSafety,
    minShiftDays: shifts[0] ?? 0,
    medianShiftDays: shifts.length === 0 ? 0 : shifts.length % 2 ? shifts[mid]! : (shifts[mid - 1]! + shifts[mid]!) / 2,
    maxShiftDays: shifts.at(-1) ?? 0,
    recallOnTime: mean(moves.map((m) => m.recallBefore)),
    recallMoved: mean(moves.map((m) => m.recallAfter)),
  };
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

// Plain words for the page: "12 cards move by 2 to 6 days (usually 4). When they come up you
// can expect to remember about 84% of them (90% on time)."
export function describeMoves(s: MoveSummary): string {
  const kept = s.keptSafety
    ? ` ${s.keptSafety} warning-sign card${s.keptSafety === 1 ? "" : "s"} cannot wait that long and stay${s.keptSafety === 1 ? "s" : ""} due.`
    : "";
  if (s.moved === 0) return `No cards are due then, so nothing moves.${kept}`;
  const range = s.minShiftDays === s.maxShiftDays ? days(s.maxShiftDays) : `${s.minShiftDays} to ${days(s.maxShiftDays)} (usually ${days(s.medianShiftDays)})`;
  return (
    `${s.moved} card${s.moved === 1 ? "" : "s"} move${s.moved === 1 ? "s" : ""} by ${range}. ` +
    `When they come up you can expect to remember about ${pct(s.recallMoved)} of them (${pct(s.recallOnTime)} on time).${kept}`
  );
}
