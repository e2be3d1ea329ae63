import { describe, expect, it } from "vitest";
import { dayNumberToIsoDate, isValidTimeZone, studyDayBounds, studyDayNumber, studyDayStart, studyDayStartMs } from "@/lib/srs/day";

const berlin = { timeZone: "Europe/Berlin", rolloverHour: 4 };
const ny = { timeZone: "America/New_York", rolloverHour: 4 };

describe("the study day", () => {
  it("belongs to the previous date before the rollover hour", () => {
    // 03:30 in Berlin (CET, UTC+1) on 10 January is still 9 January's study day.
    const now = new Date("2026-01-10T02:30:00Z");
    expect(dayNumberToIsoDate(studyDayNumber(now, berlin))).toBe("2026-01-09");
    const { start, end } = studyDayBounds(now, berlin);
    expect(start.toISOString()).toBe("2026-01-09T03:00:00.000Z");
    expect(end.toISOString()).toBe("2026-01-10T03:00:00.000Z");
  });

  it("starts a new day at the rollover hour", () => {
    expect(dayNumberToIsoDate(studyDayNumber(new Date("2026-01-10T03:00:00Z"), berlin))).toBe("2026-01-10");
    expect(dayNumberToIsoDate(studyDayNumber(new Date("2026-01-10T02:59:59Z"), berlin))).toBe("2026-01-09");
  });

  it("lasts 23 hours on the day clocks go forward and 25 when they go back", () => {
    // New York: DST starts 8 March 2026 at 02:00, ends 1 November 2026 at 02:00.
    // 00:30 EST on 8 March still belongs to 7 March's study day, which ends at 04:00 EDT.
    const spring = studyDayBounds(new Date("2026-03-08T05:30:00Z"), ny);
    expect(spring.start.toISOString()).toBe("2026-03-07T09:00:00.000Z"); // 04:00 EST
    expect(spring.end.toISOString()).toBe("2026-03-08T08:00:00.000Z"); // 04:00 EDT
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = studyDayBounds(new Date("2026-10-31T15:00:00Z"), ny);
    expect(autumn.start.toISOString()).toBe("2026-10-31T08:00:00.000Z"); // 04:00 EDT
    expect(autumn.end.toISOString()).toBe("2026-11-01T09:00:00.000Z"); // 04:00 EST
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it("handles a rollover hour that falls inside the DST gap", () => {
    const at2 = { timeZone: "America/New_York", rolloverHour: 2 };
    // 02:00 does not exist on 8 March 2026 in New York; the day starts at the next valid instant.
    const { start } = studyDayBounds(new Date("2026-03-08T12:00:00Z"), at2);
    expect(start.toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(dayNumberToIsoDate(studyDayNumber(new Date("2026-03-08T12:00:00Z"), at2))).toBe("2026-03-08");
  });

  it("numbers consecutive days consecutively across a DST change", () => {
    const days = [0, 1, 2].map((i) => studyDayNumber(new Date(Date.UTC(2026, 2, 7 + i, 15)), ny));
    expect(days[1]! - days[0]!).toBe(1);
    expect(days[2]! - days[1]!).toBe(1);
  });

  it("differs by zone: the same instant is a different study day in Tokyo and Los Angeles", () => {
    const now = new Date("2026-06-01T12:00:00Z"); // 21:00 Tokyo, 05:00 Los Angeles
    expect(dayNumberToIsoDate(studyDayNumber(now, { timeZone: "Asia/Tokyo", rolloverHour: 4 }))).toBe("2026-06-01");
    expect(dayNumberToIsoDate(studyDayNumber(new Date("2026-06-01T10:30:00Z"), { timeZone: "America/Los_Angeles", rolloverHour: 4 }))).toBe("2026-05-31");
  });

  it("gives each zone and rollover hour its own day starts when look-ups alternate between them", () => {
    const day = studyDayNumber(new Date("2026-03-10T12:00:00Z"), berlin);
    const berlin5 = { ...berlin, rolloverHour: 5 };
    for (let i = 0; i < 3; i++) {
      expect(new Date(studyDayStartMs(day, berlin)).toISOString()).toBe("2026-03-10T03:00:00.000Z");
      expect(new Date(studyDayStartMs(day, ny)).toISOString()).toBe("2026-03-10T08:00:00.000Z");
      expect(new Date(studyDayStartMs(day, berlin5)).toISOString()).toBe("2026-03-10T04:00:00.000Z");
    }
  });

  it("accepts IANA zones and refuses made-up ones", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

// The platform's own calendar (Intl), one formatter per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    });
    formatters.set(timeZone, f);
  }
  return f;
};
const local = (t: number, timeZone: string) => {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  return {
    day: Math.round(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / 86_400_000),
    hour: Number(parts.hour),
    offset: parts.timeZoneName!,
  };
};

// The local date of an instant, moved to the previous date before the rollover hour.
function calendarDay(t: Date, timeZone: string, rolloverHour: number): number {
  const { day, hour } = local(t.getTime(), timeZone);
  return hour < rolloverHour ? day - 1 : day;
}

describe("studyDayNumber against the platform's own calendar", () => {
  it("agrees hour by hour through a year of DST changes, half-hour and quarter-hour zones, and every rollover hour", () => {
    const zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "UTC"];
    const start = Date.UTC(2026, 0, 1);
    let checked = 0;
    for (const timeZone of zones) {
      for (let t = start; t < start + 366 * 86_400_000; t += 3 * 3_600_000 + 17 * 60_000) {
        const at = new Date(t);
        const rolloverHour = Math.floor(t / 3_600_000) % 24;
        expect(studyDayNumber(at, { timeZone, rolloverHour })).toBe(calendarDay(at, timeZone, rolloverHour));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15_000);
  });
});

describe("studyDayNumber on the days clocks change", () => {
  // Where a clock set back shows the previous date's hours again (Chatham's clocks go from
  // 03:45 back to 02:45), the calendar returns to the previous day for a while; the study day,
  // once begun, goes on: the latest calendar day reached so far.
  it("agrees with the platform's calendar every 10 minutes around each change of 2026, for rollover hours 0 to 4, a day once begun lasting until the next", () => {
    const zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "America/Santiago"];
    let changes = 0;
    let setBack = 0;
    for (const timeZone of zones) {
      const offset = (t: number) => local(t, timeZone).offset;
      for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
        if (offset(day) === offset(day + 86_400_000)) continue;
        changes++;
        for (let rolloverHour = 0; rolloverHour <= 4; rolloverHour++) {
          let reached = -Infinity;
          for (let t = day - 86_400_000; t < day + 2 * 86_400_000; t += 10 * 60_000) {
            const calendar = calendarDay(new Date(t), timeZone, rolloverHour);
            if (calendar < reached) setBack++;
            reached = Math.max(reached, calendar);
            expect(studyDayNumber(new Date(t), { timeZone, rolloverHour })).toBe(reached);
          }
        }
      }
    }
    expect(changes).toBeGreaterThanOrEqual(10);
    expect(setBack).toBeGreaterThan(0);
  });

  it("begins at the first of the two readings of the rollover hour when clocks go back", () => {
    // London, 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:00 comes at 00:00 and 01:00 UTC.
    const at1 = { timeZone: "Europe/London", rolloverHour: 1 };
    const { start } = studyDayBounds(new Date("2026-10-25T00:30:00Z"), at1);
    expect(start.toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(dayNumberToIsoDate(studyDayNumber(new Date("2026-10-25T00:00:00Z"), at1))).toBe("2026-10-25");
    expect(dayNumberToIsoDate(studyDayNumber(new Date("2026-10-24T23:59:59Z"), at1))).toBe("2026-10-24");
  });

  it("begins when the clocks jump where they skip the rollover hour, in a zone 45 minutes off the hour", () => {
    // Chatham, 27 September 2026: 02:45 +12:45 becomes 03:45 +13:45 (14:00 UTC), skipping 03:00.
    const at3 = { timeZone: "Pacific/Chatham", rolloverHour: 3 };
    expect(studyDayStart(studyDayNumber(new Date("2026-09-26T14:30:00Z"), at3), at3).toISOString()).toBe("2026-09-26T14:00:00.000Z");
  });
});
