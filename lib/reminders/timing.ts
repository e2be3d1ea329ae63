import { TZDate } from "@date-fns/tz";
import { studyDayNumber, studyDayStart, type DayContext } from "../srs/day";

// When a review reminder may go out: pure, so that quiet hours, time zones and "already
// reviewed today" are tested without a clock or a database. Times of day are minutes after
// local midnight in the learner's zone.

export type ReminderTimes = { remindAt: number; quietStart: number; quietEnd: number };

export type ReminderFacts = {
  now: Date;
  day: DayContext;
  times: ReminderTimes;
  // Cards due by the end of the study day (the count the learner would see on /review).
  due: number;
  reviewedToday: boolean;
  // A reminder already went out this study day (the claim row exists).
  sentToday: boolean;
};

export type ReminderDecision = { send: true; studyDay: number } | { send: false; why: "not-yet" | "quiet" | "none-due" | "reviewed" | "sent" };

export function localMinute(now: Date, timeZone: string): number {
  const local = new TZDate(now.getTime(), timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

// Quiet hours from start to end, crossing midnight when end < start; start === end: none.
export function inQuietHours(minute: number, quietStart: number, quietEnd: number): boolean {
  if (quietStart === quietEnd) return false;
  return quietStart < quietEnd ? minute >= quietStart && minute < quietEnd : minute >= quietStart || minute < quietEnd;
}

// The instant of the reminder in study day `studyDay`: its time of day on the day's local
// date, or on the next date when the time is before the rollover hour (a 01:00 reminder
// belongs to the night that ends the day). A time DST skips resolves to the next valid instant.
export function reminderInstant(studyDay: number, ctx: DayContext, remindAt: number): Date {
  const start = new TZDate(studyDayStart(studyDay, ctx).getTime(), ctx.timeZone);
  const nextDate = remindAt < ctx.rolloverHour * 60 ? 1 : 0;
  return new Date(
    new TZDate(start.getFullYear(), start.getMonth(), start.getDate() + nextDate, Math.floor(remindAt / 60), remindAt % 60, 0, ctx.timeZone).getTime(),
  );
}

// A reminder goes out once the day's reminder time has come, outside quiet hours (one whose
// time falls in them waits for their end, if the study day lasts that long), only when cards
// are due, and never after the learner reviewed this study day or was reminded already.
export function decideReminder(f: ReminderFacts): ReminderDecision {
  const studyDay = studyDayNumber(f.now, f.day);
  if (f.sentToday) return { send: false, why: "sent" };
  if (f.reviewedToday) return { send: false, why: "reviewed" };
  if (f.now.getTime() < reminderInstant(studyDay, f.day, f.times.remindAt).getTime()) return { send: false, why: "not-yet" };
  if (inQuietHours(localMinute(f.now, f.day.timeZone), f.times.quietStart, f.times.quietEnd)) return { send: false, why: "quiet" };
  if (f.due <= 0) return { send: false, why: "none-due" };
  return { send: true, studyDay };
}

export function reminderText(due: number): { title: string; body: string } {
  return {
    title: "Time for a short review",
    body: `${due} card${due === 1 ? " is" : "s are"} due today. A few minutes keeps them fresh.`,
  };
}

export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
