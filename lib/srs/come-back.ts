// When the next card is due, in the learner's words and time zone: "in a few minutes",
// "at 3:40 pm today", "at 7 pm tomorrow", "on Tuesday at 7 pm", "on 12 June". Never a raw
// timestamp. Pure: the review's end screen and its tests call it with any clock and zone.
//
// It runs in the browser, on the review page, so it reads the zone's wall clock with the
// platform's Intl rather than date-fns and @date-fns/tz (the server's tools for the study day,
// lib/srs/day.ts), which would add about 7 kB (gzip) to that page's first load.
export function comeBackPhrase(due: Date, now: Date, timeZone: string): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 60_000) return "now";
  if (ms < 60 * 60_000) {
    const m = Math.round(ms / 60_000);
    return `in ${m} minute${m === 1 ? "" : "s"}`;
  }
  const local = wallClock(due, timeZone);
  const today = wallClock(now, timeZone);
  const time = `${local.hour % 12 || 12}${local.minute ? `:${String(local.minute).padStart(2, "0")}` : ""} ${local.hour < 12 ? "am" : "pm"}`;
  const days = local.day - today.day;
  if (days === 0) return `at ${time} today`;
  if (days === 1) return `at ${time} tomorrow`;
  const name = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...o, timeZone }).format(due);
  if (days < 7) return `on ${name({ weekday: "long" })} at ${time}`;
  return `on ${name(local.year === today.year ? { day: "numeric", month: "long" } : { day: "numeric", month: "long", year: "numeric" })}`;
}

// The date and time on a clock in `timeZone` at `at`; `day` counts calendar days, so that two
// of them subtract to the days between.
function wallClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const year = part("year");
  return { year, day: Date.UTC(year, part("month") - 1, part("day")) / 86_400_000, hour: part("hour"), minute: part("minute") };
}
