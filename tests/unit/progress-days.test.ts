import { describe, expect, it } from "vitest";
import { studyDayBounds, studyDayNumber, type DayContext } from "@/lib/srs/day";
import { computeStreak } from "@/lib/progress/streak";
import { bucketDueDates, forecastBucket, forecastRanges } from "@/lib/progress/forecast";

const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const NY: DayContext = { timeZone: "America/New_York", rolloverHour: 4 };
const BERLIN: DayContext = { timeZone: "Europe/Berlin", rolloverHour: 4 };
const TOKYO: DayContext = { timeZone: "Asia/Tokyo", rolloverHour: 0 };

describe("streaks", () => {
  it("counts consecutive study days up to today", () => {
    expect(computeStreak([10, 11, 12], 12)).toMatchObject({ current: 3, longest: 3, reviewedToday: true, repaired: [] });
  });

  it("is not broken just because today has no review yet", () => {
    expect(computeStreak([10, 11, 12], 13)).toMatchObject({ current: 3, longest: 3, reviewedToday: false, repaired: [] });
  });

  it("repairs one missed day a week on its own, but not two missed days in a row", () => {
    expect(computeStreak([10, 11, 12], 14)).toMatchObject({ current: 3, repaired: [13], repairAvailable: false });
    expect(computeStreak([10, 11, 12, 14], 14)).toMatchObject({ current: 4, repaired: [13], reviewedToday: true });
    expect(computeStreak([10, 11, 12], 15)).toMatchObject({ current: 0, longest: 3, repaired: [] });
  });

  it("repairs a second missed day only when a week has passed since the last repair", () => {
    // Missed 12 (repaired) and 16, four days later: the streak restarts on 17.
    expect(computeStreak([10, 11, 13, 14, 15, 17, 18], 18)).toMatchObject({ current: 2, longest: 5, repaired: [] });
    // Missed 12 and 19, seven days later: both are repaired.
    const days = [10, 11, 13, 14, 15, 16, 17, 18, 20];
    expect(computeStreak(days, 20)).toMatchObject({ current: 9, longest: 9, repaired: [12, 19] });
  });

  it("passes over excused days (a bad-back day, a break) without counting or breaking them", () => {
    // Away 13 to 17: neither the break nor the repair is used up.
    const away = [13, 14, 15, 16, 17];
    expect(computeStreak([10, 11, 12, 18], 18, away)).toMatchObject({ current: 4, repaired: [], repairAvailable: true });
    expect(computeStreak([10, 11, 12, 18], 18)).toMatchObject({ current: 1, longest: 3 });
  });

  it("counts the days reviewed in the last 7 and 30, which a bad week cannot undo", () => {
    const days = [0, 1, 2, 10, 20, 25, 28, 29, 30];
    expect(computeStreak(days, 30)).toMatchObject({ last7: 4, last30: 8 });
  });

  it("finds the longest run across gaps and ignores duplicates and order", () => {
    // 3 to 8 with 7 repaired makes five days reviewed; 9 breaks it; 19 and 20 make two.
    expect(computeStreak([20, 3, 4, 5, 6, 19, 4, 20, 8], 20)).toMatchObject({ current: 2, longest: 5, reviewedToday: true });
    expect(computeStreak([], 20)).toEqual({ current: 0, longest: 0, reviewedToday: false, repaired: [], repairAvailable: false, last7: 0, last30: 0 });
  });

  it("counts a review after midnight but before the rollover hour for the day before", () => {
    const reviews = ["2026-03-06T23:30:00-05:00", "2026-03-08T03:30:00-04:00" /* still Saturday 7 March */, "2026-03-08T18:00:00-04:00"];
    const days = reviews.map((r) => studyDayNumber(new Date(r), NY));
    expect(days).toEqual([dayOf("2026-03-06"), dayOf("2026-03-07"), dayOf("2026-03-08")]);
    // Sunday 8 March is the day US clocks go forward: the streak still runs through it.
    expect(computeStreak(days, studyDayNumber(new Date("2026-03-09T03:00:00-04:00"), NY))).toMatchObject({ current: 3, reviewedToday: true });
  });

  it("gives the same instant different study days in different zones", () => {
    const t = new Date("2026-05-01T16:30:00Z"); // 01:30 on 2 May in Tokyo, 12:30 on 1 May in New York
    expect(studyDayNumber(t, TOKYO)).toBe(dayOf("2026-05-02"));
    expect(studyDayNumber(t, { ...TOKYO, rolloverHour: 4 })).toBe(dayOf("2026-05-01"));
    expect(studyDayNumber(t, NY)).toBe(dayOf("2026-05-01"));
  });
});

describe("forecast days", () => {
  it("makes the study day that loses an hour to DST 23 hours long", () => {
    const r = forecastRanges(new Date("2026-03-07T15:00:00Z"), NY, 3);
    expect(r[0]).toEqual({ offset: 0, start: null, end: new Date("2026-03-08T08:00:00Z") }); // 04:00 EDT
    expect(r[1]!.start).toEqual(r[0]!.end);
    expect(r[1]!.end).toEqual(new Date("2026-03-09T08:00:00Z"));
    expect(r[2]!.end.getTime() - r[2]!.start!.getTime()).toBe(24 * 3_600_000);
  });

  it("makes the study day that gains an hour 25 hours long", () => {
    const now = new Date("2026-10-24T12:00:00Z");
    const r = forecastRanges(now, BERLIN, 2);
    expect(studyDayBounds(now, BERLIN).start).toEqual(new Date("2026-10-24T02:00:00Z")); // 04:00 CEST
    expect(r[0]!.end).toEqual(new Date("2026-10-25T03:00:00Z")); // 04:00 CET, 25 hours later
    expect(r[1]!.end).toEqual(new Date("2026-10-26T03:00:00Z"));
  });

  it("puts overdue cards on day 0 and splits days at the rollover hour", () => {
    const now = new Date("2026-03-07T15:00:00Z");
    const r = forecastRanges(now, NY, 30);
    const dues = [
      "2025-12-01T00:00:00Z", // long overdue
      "2026-03-07T14:00:00Z", // overdue today
      "2026-03-08T07:59:59Z", // 03:59 EDT Sunday: still Saturday's study day
      "2026-03-08T08:00:00Z", // 04:00 EDT Sunday: day 1
      "2026-03-10T20:00:00Z", // day 3
      "2026-04-05T07:59:00Z", // 03:59 EDT 5 April: day 28
      "2026-04-06T08:00:00Z", // day 30: past the 30-day horizon
    ].map((s) => new Date(s));
    const counts = bucketDueDates(dues, r);
    expect(counts[0]).toBe(3);
    expect(counts[1]).toBe(1);
    expect(counts[3]).toBe(1);
    expect(counts[28]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it("agrees with the study-day number of every future due date", () => {
    const now = new Date("2026-10-20T10:00:00Z");
    const today = studyDayNumber(now, BERLIN);
    const r = forecastRanges(now, BERLIN, 30);
    for (let h = 0; h < 29 * 24; h += 7) {
      const due = new Date(now.getTime() + h * 3_600_000 + 1234);
      expect(forecastBucket(due, r)).toBe(studyDayNumber(due, BERLIN) - today);
    }
  });
});
