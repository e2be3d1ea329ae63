import { tzOffset } from "@date-fns/tz";

// ts-fsrs counts days by UTC date and knows nothing of the user's zone or rollover hour,
// so "today" is computed here: a study day runs from rolloverHour on one local date to
// rolloverHour on the next, in the user's IANA time zone (23 or 25 hours across DST). It
// begins the first time the zone's clock reads that hour on that date: at the first of the two
// readings when clocks go back, and at the jump when clocks going forward skip the hour. Once
// begun, a day lasts until the next begins, even where a clock set back shows the previous
// date's hours again for a while.

export type DayContext = { timeZone: string; rolloverHour: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// Days since 1970-01-01 of the study day's local date: an integer that the database can
// group by without knowing about time zones. Found from the cached day starts (below): a
// first guess from UTC, corrected by at most a day or two (zone offsets are within ±14
// hours), with no zone look-up per call: grading and planning call this for every card they
// weigh.
export function studyDayNumber(now: Date, ctx: DayContext): number {
  return studyDayOfMs(now.getTime(), ctx);
}

// The same for milliseconds since 1970, for loops over many instants.
export function studyDayOfMs(ms: number, ctx: DayContext): number {
  let day = Math.floor((ms - ctx.rolloverHour * HOUR_MS) / DAY_MS);
  while (studyDayStartMs(day, ctx) > ms) day--;
  while (studyDayStartMs(day + 1, ctx) <= ms) day++;
  return day;
}

// The zone's offset at instant t, and what its clock reads then (as the instant a UTC clock
// reads the same), in milliseconds.
const offsetAt = (t: number, timeZone: string) => tzOffset(timeZone, new Date(t)) * 60_000;
const wallAt = (t: number, timeZone: string) => t + offsetAt(t, timeZone);

// The first instant at which the zone's clock reads `wall` or later. It is `wall` less the
// zone's offset before or after a change near it: the earlier of the two that read `wall`
// (clocks going back read it twice), or, where clocks going forward skip it, the moment they
// jump, found between the two to the minute (offsets change on whole minutes).
function firstReading(wall: number, timeZone: string): number {
  const [a, b] = [wall - offsetAt(wall - DAY_MS, timeZone), wall - offsetAt(wall + DAY_MS, timeZone)];
  const reading = [a, b].filter((t) => wallAt(t, timeZone) === wall);
  if (reading.length) return Math.min(...reading);
  let [before, after] = [Math.min(a, b), Math.max(a, b)];
  while (after - before > 60_000) {
    const mid = before + Math.floor((after - before) / 120_000) * 60_000;
    if (wallAt(mid, timeZone) >= wall) after = mid;
    else before = mid;
  }
  return after;
}

export function studyDayBounds(now: Date, ctx: DayContext): { start: Date; end: Date } {
  const day = studyDayNumber(now, ctx);
  return { start: studyDayStart(day, ctx), end: studyDayStart(day + 1, ctx) };
}

// Study-day starts, cached per zone, then by day number and rollover hour (day × 24 + hour: no
// string is built per look-up): resolving a wall time through the zone's rules costs tens of
// microseconds, and every grade and queue read needs a few, a backlog plan thousands.
const starts = new Map<string, Map<number, number>>();
let cachedStarts = 0;
const MAX_STARTS = 20_000;

// The instant study day number `day` (as studyDayNumber gives it) begins.
export function studyDayStart(day: number, ctx: DayContext): Date {
  return new Date(studyDayStartMs(day, ctx));
}

// The same in milliseconds since 1970.
export function studyDayStartMs(day: number, ctx: DayContext): number {
  let days = starts.get(ctx.timeZone);
  if (days === undefined) starts.set(ctx.timeZone, (days = new Map()));
  const key = day * 24 + ctx.rolloverHour;
  let ms = days.get(key);
  if (ms === undefined) {
    if (++cachedStarts > MAX_STARTS) {
      starts.clear();
      cachedStarts = 1;
      starts.set(ctx.timeZone, (days = new Map()));
    }
    ms = firstReading(day * DAY_MS + ctx.rolloverHour * HOUR_MS, ctx.timeZone);
    days.set(key, ms);
  }
  return ms;
}

export function dayNumberToIsoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
