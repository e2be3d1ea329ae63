import { describe, expect, it } from "vitest";
import { decideReminder, inQuietHours, localMinute, reminderInstant, reminderText, type ReminderFacts } from "@/lib/reminders/timing";
import { studyDayNumber } from "@/lib/srs/day";

const london = { timeZone: "Europe/London", rolloverHour: 4 };
const facts = (over: Partial<ReminderFacts>): ReminderFacts => ({
  now: new Date("2026-06-10T18:30:00Z"), // 19:30 in London (BST)
  day: london,
  times: { remindAt: 19 * 60, quietStart: 22 * 60, quietEnd: 7 * 60 },
  due: 5,
  reviewedToday: false,
  sentToday: false,
  ...over,
});

describe("quiet hours", () => {
  it("cover the minutes from their start to their end, across midnight", () => {
    expect(inQuietHours(23 * 60, 22 * 60, 7 * 60)).toBe(true);
    expect(inQuietHours(3 * 60, 22 * 60, 7 * 60)).toBe(true);
    expect(inQuietHours(7 * 60, 22 * 60, 7 * 60)).toBe(false);
    expect(inQuietHours(21 * 60 + 59, 22 * 60, 7 * 60)).toBe(false);
  });

  it("cover a daytime span when the start comes before the end", () => {
    expect(inQuietHours(13 * 60, 12 * 60, 14 * 60)).toBe(true);
    expect(inQuietHours(14 * 60, 12 * 60, 14 * 60)).toBe(false);
  });

  it("are none when the start equals the end", () => {
    expect(inQuietHours(0, 0, 0)).toBe(false);
    expect(inQuietHours(600, 600, 600)).toBe(false);
  });
});

describe("deciding whether to send a reminder", () => {
  it("sends once the reminder time has come and cards are due", () => {
    expect(decideReminder(facts({}))).toEqual({ send: true, studyDay: studyDayNumber(new Date("2026-06-10T18:30:00Z"), london) });
  });

  it("waits until the reminder time in the learner's own zone", () => {
    // 18:30 UTC is 19:30 in London but 14:30 in New York: not yet there.
    expect(decideReminder(facts({ day: { timeZone: "America/New_York", rolloverHour: 4 } }))).toEqual({ send: false, why: "not-yet" });
    // 18:30 UTC is 03:30 next morning in Tokyo, still the previous study day (rollover 04:00), quiet.
    expect(decideReminder(facts({ day: { timeZone: "Asia/Tokyo", rolloverHour: 4 } }))).toEqual({ send: false, why: "quiet" });
  });

  it("never sends in quiet hours, and a reminder set inside them goes out when they end", () => {
    const times = { remindAt: 6 * 60, quietStart: 22 * 60, quietEnd: 7 * 60 };
    expect(decideReminder(facts({ now: new Date("2026-06-10T05:30:00Z"), times }))).toEqual({ send: false, why: "quiet" }); // 06:30 BST
    expect(decideReminder(facts({ now: new Date("2026-06-10T06:00:00Z"), times }))).toMatchObject({ send: true }); // 07:00 BST
  });

  it("does not send after the learner reviewed this study day", () => {
    expect(decideReminder(facts({ reviewedToday: true }))).toEqual({ send: false, why: "reviewed" });
  });

  it("does not send when no card is due", () => {
    expect(decideReminder(facts({ due: 0 }))).toEqual({ send: false, why: "none-due" });
  });

  it("sends at most once a study day", () => {
    expect(decideReminder(facts({ sentToday: true }))).toEqual({ send: false, why: "sent" });
  });

  it("places a reminder set before the rollover hour in the night that ends the study day", () => {
    const day = studyDayNumber(new Date("2026-06-10T12:00:00Z"), london);
    // 02:00 London on 11 June is 01:00 UTC: still study day of 10 June.
    expect(reminderInstant(day, london, 2 * 60).toISOString()).toBe("2026-06-11T01:00:00.000Z");
    expect(reminderInstant(day, london, 19 * 60).toISOString()).toBe("2026-06-10T18:00:00.000Z");
  });

  it("keeps the local time across a daylight-saving change", () => {
    const winter = studyDayNumber(new Date("2026-01-10T12:00:00Z"), london);
    expect(reminderInstant(winter, london, 19 * 60).toISOString()).toBe("2026-01-10T19:00:00.000Z");
    expect(localMinute(new Date("2026-01-10T19:00:00Z"), "Europe/London")).toBe(19 * 60);
  });
});

describe("the reminder's text", () => {
  it("says how many cards are due", () => {
    expect(reminderText(1).body).toContain("1 card is due");
    expect(reminderText(12).body).toContain("12 cards are due");
  });
});
