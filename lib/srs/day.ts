import { TZDate, tzOffset } from "@date-fns/tz";

// ts-fsrs counts days by UTC date and knows nothing of the user's zone or rollover hour,
// so "today" is computed here: a study day runs from rolloverHour on one local date to
// rolloverHour on the next, in the user's IANA time zone (23 or 25 hours across DST).

export type DayContext = { timeZone: string; rolloverHour: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// Days since 1970-01-01 of the study day's local date: an integer that the database can
// group by without knowing about time zones. The wall clock in the zone at that instant,
// moved back by the rollover hour (before it, the night still belongs to the previous
// study day), taken as a UTC date. One offset look-up: grading and planning call this for
// every card they weigh.
export function studyDayNumber(now: Date, { timeZone, rolloverHour }: DayContext): number {
  const wall = now.getTime() + tzOffset(timeZone, now) * 60_000;
  return Math.floor((wall - rolloverHour * HOUR_MS) / DAY_MS);
}

function rolloverOn(y: number, m: number, d: number, ctx: DayContext): Date {
  // TZDate resolves a wall time that DST skips to the next valid instant.
  return new Date(new TZDate(y, m, d, ctx.rolloverHour, 0, 0, ctx.timeZone).getTime());
}

export function studyDayBounds(now: Date, ctx: DayContext): { start: Date; end: Date } {
  const day = studyDayNumber(now, ctx);
  return { start: studyDayStart(day, ctx), end: studyDayStart(day + 1, ctx) };
}

// Study-day starts, cached per zone and rollover hour, then by day number (no key built per
// look-up): resolving a wall time through the zone's rules costs tens of microseconds, and every
// grade and queue read needs a few, a backlog plan thousands.
const starts = new Map<string, Map<number, number>>();
let cachedStarts = 0;
let lastZone: (DayContext & { days: Map<number, number> }) | undefined;
const MAX_STARTS = 20_000;

// The instant study day number `day` (as studyDayNumber gives it) begins.
export function studyDayStart(day: number, ctx: DayContext): Date {
  return new Date(studyDayStartMs(day, ctx));
}

// The same in milliseconds since 1970.
export function studyDayStartMs(day: number, ctx: DayContext): number {
  // The zone of the previous look-up, compared by value: a grade's load asks for the days of
  // dozens of cards in one zone, with no key to build for each.
  let days: Map<number, number> | undefined;
  if (lastZone !== undefined && lastZone.timeZone === ctx.timeZone && lastZone.rolloverHour === ctx.rolloverHour) days = lastZone.days;
  else {
    const zone = `${ctx.timeZone}|${ctx.rolloverHour}`;
    days = starts.get(zone);
    if (days === undefined) starts.set(zone, (days = new Map()));
    lastZone = { timeZone: ctx.timeZone, rolloverHour: ctx.rolloverHour, days };
  }
  let ms = days.get(day);
  if (ms === undefined) {
    if (++cachedStarts > MAX_STARTS) {
      starts.clear();
      cachedStarts = 1;
      starts.set(`${ctx.timeZone}|${ctx.rolloverHour}`, (days = new Map()));
      lastZone = { timeZone: ctx.timeZone, rolloverHour: ctx.rolloverHour, days };
    }
    const d = new Date(day * DAY_MS);
    ms = rolloverOn(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), ctx).getTime();
    days.set(day, ms);
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
