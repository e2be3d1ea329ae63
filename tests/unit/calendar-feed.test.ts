import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, FEED_DAYS, reviewMinute } from "@/lib/reminders/ics";

const times = { remindAt: 19 * 60, quietStart: 22 * 60, quietEnd: 7 * 60 };

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("the review-time calendar feed", () => {
  it("is a VCALENDAR that a calendar parser reads, with one event a day for the weeks ahead", () => {
    const text = buildCalendar({ times, timeZone: "Europe/London", now: new Date("2026-03-20T12:00:00Z"), origin: "https://unknot.example" });
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const list = events(text);
    expect(list).toHaveLength(FEED_DAYS);
    expect(list[0]!.summary).toBe("Review time (Unknot)");
    expect(new Set(list.map((e) => e.uid)).size).toBe(FEED_DAYS);
    for (const line of text.split("\r\n")) expect(line.length).toBeLessThanOrEqual(75);
  });

  it("keeps the learner's local time across a daylight-saving change", () => {
    // The UK moves its clocks on 29 March 2026: 19:00 is 19:00 UTC before, 18:00 UTC after.
    const list = events(buildCalendar({ times, timeZone: "Europe/London", now: new Date("2026-03-20T12:00:00Z"), origin: "https://unknot.example" }));
    expect(list[0]!.startDate.toJSDate().toISOString()).toBe("2026-03-20T19:00:00.000Z");
    expect(list[15]!.startDate.toJSDate().toISOString()).toBe("2026-04-04T18:00:00.000Z");
  });

  it("moves a review time set inside quiet hours to their end", () => {
    expect(reviewMinute({ remindAt: 23 * 60, quietStart: 22 * 60, quietEnd: 7 * 60 })).toBe(7 * 60);
    expect(reviewMinute(times)).toBe(19 * 60);
  });
});
