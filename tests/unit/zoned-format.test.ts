import { describe, expect, it } from "vitest";
import { zoned } from "@/app/cards/format";

const fresh = (iso: string, timeZone: string, withTime: boolean) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}) }).format(new Date(iso));

describe("the learner's-zone dates on /cards", () => {
  it("read the same as a formatter built for each date, whatever zones and styles came before", () => {
    const isos = ["2026-03-29T00:30:00.000Z", "2026-03-29T01:30:00.000Z", "2026-10-25T00:59:59.999Z", "2026-12-31T23:00:00.000Z"];
    const zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "UTC", "Europe/London"];
    for (const timeZone of zones)
      for (const withTime of [true, false, true]) for (const iso of isos) expect(zoned(iso, timeZone, withTime)).toBe(fresh(iso, timeZone, withTime));
  });

  it("show the time by default and the date alone when asked", () => {
    expect(zoned("2026-07-01T12:05:00.000Z", "Europe/London")).toBe("1 Jul 2026, 13:05");
    expect(zoned("2026-07-01T12:05:00.000Z", "Europe/London", false)).toBe("1 Jul 2026");
  });
});
