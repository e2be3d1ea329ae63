import { studyDayNumber, type DayContext } from "../srs/day";
import { inQuietHours, reminderInstant, type ReminderTimes } from "./timing";

// The learner's "review time" as an iCalendar feed (RFC 5545) for those who prefer their
// calendar to push: one 10-minute event a day for the coming weeks. Each event is written in
// UTC, computed in the learner's zone, so that daylight-saving changes land right without a
// VTIMEZONE block; calendar apps fetch the feed again and so always hold the weeks ahead.
// Pure, so that it is unit-tested.

export const FEED_DAYS = 42;
const EVENT_MINUTES = 10;

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

// A reminder time inside quiet hours moves to their end, as the push reminder does.
export function reviewMinute(times: ReminderTimes): number {
  return inQuietHours(times.remindAt, times.quietStart, times.quietEnd) ? times.quietEnd : times.remindAt;
}

// Lines longer than 75 octets fold (RFC 5545 3.1); the feed's text is ASCII.
function fold(line: string): string {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += 74) out.push((i ? " " : "") + line.slice(i, i + 74));
  return out.join("\r\n");
}

export function buildCalendar(opts: { times: ReminderTimes; timeZone: string; now: Date; origin: string }): string {
  // The events follow local dates: a study-day context with a midnight rollover.
  const ctx: DayContext = { timeZone: opts.timeZone, rolloverHour: 0 };
  const minute = reviewMinute(opts.times);
  const first = studyDayNumber(opts.now, ctx);
  const host = new URL(opts.origin).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Unknot//Review time//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Unknot review time",
    "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
    "X-PUBLISHED-TTL:PT12H",
  ];
  for (let day = first; day < first + FEED_DAYS; day++) {
    const start = reminderInstant(day, ctx, minute);
    lines.push(
      "BEGIN:VEVENT",
      `UID:review-${day}@${host}`,
      `DTSTAMP:${stamp(opts.now)}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(new Date(start.getTime() + EVENT_MINUTES * 60_000))}`,
      "SUMMARY:Review time (Unknot)",
      "DESCRIPTION:A few minutes of review keeps your back-care cards fresh.",
      `URL:${opts.origin}/review`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
