import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";

// ts-fsrs counts days by UTC date and knows nothing of the user's zone or rollover hour,
// so "today" is computed here: a study day runs from rolloverHour on one local date to
// rolloverHour on the next, in the user's IANA time zone (23 or 25 hours across DST).

export type DayContext = { timeZone: string; rolloverHour: number };

function localDate(now: Date, { timeZone, rolloverHour }: DayContext) {
  const local = new TZDate(now.getTime(), timeZone);
  // Before the rollover hour the night still belongs to the previous study day.
  const d = local.getHours() < rolloverHour ? addDays(local, -1) : local;
  return { y: d.getFullYear(), m: d.getMonth(), d: d.getDate() };
}

function rolloverOn(y: number, m: number, d: number, ctx: DayContext): Date {
  // TZDate resolves a wall time that DST skips to the next valid instant.
  return new Date(new TZDate(y, m, d, ctx.rolloverHour, 0, 0, ctx.timeZone).getTime());
}

export function studyDayBounds(now: Date, ctx: DayContext): { start: Date; end: Date } {
  const { y, m, d } = localDate(now, ctx);
  return { start: rolloverOn(y, m, d, ctx), end: rolloverOn(y, m, d + 1, ctx) };
}

// Days since 1970-01-01 of the study day's local date: an integer that the database can
// group by without knowing about time zones.
export function studyDayNumber(now: Date, ctx: DayContext): number {
  const { y, m, d } = localDate(now, ctx);
  return Math.round(Date.UTC(y, m, d) / 86_400_000);
}

// The instant study day number `day` (as studyDayNumber gives it) begins.
export function studyDayStart(day: number, ctx: DayContext): Date {
  const d = new Date(day * 86_400_000);
  return rolloverOn(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), ctx);
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
