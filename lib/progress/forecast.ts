import { studyDayBounds, type DayContext } from "../srs/day";

// The next N study days as half-open instants [start, end), so the database can count
// cards by `due` with plain range conditions. Day 0 has no start: overdue cards count
// today. Each boundary is the rollover instant in the user's zone, so a day across a DST
// change is 23 or 25 hours long.
export type DayRange = { offset: number; start: Date | null; end: Date };

export function forecastRanges(now: Date, ctx: DayContext, days: number): DayRange[] {
  const out: DayRange[] = [];
  let end = studyDayBounds(now, ctx).end;
  out.push({ offset: 0, start: null, end });
  for (let i = 1; i < days; i++) {
    const next = studyDayBounds(end, ctx).end;
    out.push({ offset: i, start: end, end: next });
    end = next;
  }
  return out;
}

// Which forecast day a due date falls on; -1 when beyond the horizon.
export function forecastBucket(due: Date, ranges: DayRange[]): number {
  const t = due.getTime();
  return ranges.findIndex((r) => t < r.end.getTime() && (r.start === null || t >= r.start.getTime()));
}

export function bucketDueDates(dues: Date[], ranges: DayRange[]): number[] {
  const counts = ranges.map(() => 0);
  for (const d of dues) {
    const i = forecastBucket(d, ranges);
    if (i >= 0) counts[i]!++;
  }
  return counts;
}
