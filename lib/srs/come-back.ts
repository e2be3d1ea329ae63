import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays, format } from "date-fns";

// When the next card is due, in the learner's words and time zone: "in a few minutes",
// "at 3:40 pm today", "at 7 pm tomorrow", "on Tuesday at 7 pm", "on 12 June". Never a raw
// timestamp. Pure: the review's end screen and its tests call it with any clock and zone.
export function comeBackPhrase(due: Date, now: Date, timeZone: string): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 60_000) return "now";
  if (ms < 60 * 60_000) {
    const m = Math.round(ms / 60_000);
    return `in ${m} minute${m === 1 ? "" : "s"}`;
  }
  const local = new TZDate(due.getTime(), timeZone);
  const today = new TZDate(now.getTime(), timeZone);
  const time = format(local, local.getMinutes() === 0 ? "h aaa" : "h:mm aaa");
  const days = differenceInCalendarDays(local, today);
  if (days === 0) return `at ${time} today`;
  if (days === 1) return `at ${time} tomorrow`;
  if (days < 7) return `on ${format(local, "EEEE")} at ${time}`;
  return `on ${format(local, local.getFullYear() === today.getFullYear() ? "d MMMM" : "d MMMM yyyy")}`;
}
