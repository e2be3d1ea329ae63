import { describe, expect, it } from "vitest";
import { settingsSchema } from "@/lib/settings/schema";
import { matchTimeZones } from "@/app/settings/time-zones";

const base = { newCardsPerDay: 10, maximumInterval: 36500, dayRolloverHour: 4, timeZone: "UTC", enableFuzz: true };
const parse = (desiredRetention: unknown) => settingsSchema.safeParse({ ...base, desiredRetention });

describe("desired retention as a learner types it", () => {
  it("takes a percentage, with or without the sign, and still takes a fraction", () => {
    for (const v of ["85", 85, "85%", " 85 % ", 0.85, "0.85"]) expect(parse(v).data?.desiredRetention, String(v)).toBe(0.85);
    expect(parse("97").data?.desiredRetention).toBe(0.97);
    expect(parse("70").data?.desiredRetention).toBe(0.7);
    expect(parse("87.5").data?.desiredRetention).toBe(0.875);
  });

  it("refuses values out of range or not numbers with a message in percent", () => {
    expect(parse("99").error?.issues[0]?.message).toBe("Choose at most 97%");
    expect(parse(0.5).error?.issues[0]?.message).toBe("Choose at least 70%");
    expect(parse("lots").error?.issues[0]?.message).toBe("Enter how much to remember as a percentage, for example 90");
    expect(parse("").success).toBe(false);
  });
});

describe("the one settings schema", () => {
  const all = { ...base, desiredRetention: "90", safetyRetention: "95", reviewsPerDay: "200", leechThreshold: "8", leechAction: "flag" };

  it("takes the warning signs' retention as a percentage, as the general one, and stores fractions", () => {
    const parsed = settingsSchema.parse(all);
    expect(parsed).toMatchObject({ desiredRetention: 0.9, safetyRetention: 0.95, reviewsPerDay: 200, leechThreshold: 8, leechAction: "flag" });
    expect(settingsSchema.parse({ ...all, safetyRetention: "97 %" }).safetyRetention).toBe(0.97);
  });

  it("never lets the warning signs go below 80%, while the rest may go down to 70%", () => {
    const issue = (safetyRetention: unknown) => settingsSchema.safeParse({ ...all, safetyRetention }).error?.issues[0];
    expect(issue("79")).toMatchObject({ path: ["safetyRetention"], message: "Choose at least 80%" });
    expect(issue("98")).toMatchObject({ path: ["safetyRetention"], message: "Choose at most 97%" });
    expect(issue("80")).toBeUndefined();
    expect(settingsSchema.safeParse({ ...all, desiredRetention: "70" }).success).toBe(true);
  });

  it("leaves the settings added later out when a client does not send them", () => {
    const parsed = settingsSchema.parse({ ...base, desiredRetention: 0.9 });
    for (const k of ["safetyRetention", "reviewsPerDay", "leechThreshold", "leechAction", "loadBalance", "easyWeekdays", "easyDates"])
      expect(k in parsed, k).toBe(false);
  });
});

describe("the time-zone search", () => {
  const zones = ["America/New_York", "Europe/London", "Europe/Lisbon", "Asia/Kolkata", "Etc/GMT+5"];

  it("finds zones by any words of their name, ignoring case and underscores", () => {
    expect(matchTimeZones(zones, "new york")).toEqual(["America/New_York"]);
    expect(matchTimeZones(zones, "EUROPE l")).toEqual(["Europe/London", "Europe/Lisbon"]);
    expect(matchTimeZones(zones, "  ")).toEqual(zones);
  });

  it("keeps the chosen zone in the list so the select keeps its value", () => {
    expect(matchTimeZones(zones, "london", "Asia/Kolkata")).toEqual(["Asia/Kolkata", "Europe/London"]);
    expect(matchTimeZones(zones, "london", "Europe/London")).toEqual(["Europe/London"]);
    expect(matchTimeZones(zones, "nowhere", "Nowhere/Else")).toEqual([]);
  });
});
