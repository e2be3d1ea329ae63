import { z } from "zod";
import { wholeNumber } from "./common";
import { timeZoneSchema } from "../auth/schema";
import { EASY_LEVELS } from "../srs/load-balance";

export const SETTINGS_LIMITS = {
  desiredRetention: { min: 0.7, max: 0.97 },
  newCardsPerDay: { min: 0, max: 200 },
  maximumInterval: { min: 1, max: 36500 },
  dayRolloverHour: { min: 0, max: 23 },
} as const;

const L = SETTINGS_LIMITS;
const int = wholeNumber;

const percent = (r: number) => `${Math.round(r * 100)}%`;

// Desired retention as people write it: a percentage ("85", "85%") or a fraction (0.85, as
// the API and older clients send it). A number above 1 is a percentage. Stored as a fraction.
export function retentionFromInput(v: unknown): unknown {
  let n = v;
  if (typeof v === "string") {
    const t = v.trim().replace(/\s*%$/, "");
    if (t === "") return undefined;
    n = Number(t);
  }
  if (typeof n === "number" && Number.isFinite(n) && n > 1) return Math.round(n * 100) / 10_000;
  return n;
}

// Specific easy dates as typed: "2026-12-24, 2026-12-25" (or a list, as the API sends them).
export const MAX_EASY_DATES = 60;
const easyDatesSchema = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[\s,]+/)
          .map((d) => d.trim())
          .filter(Boolean)
      : v,
  z
    .array(z.iso.date({ error: "Write each date as YYYY-MM-DD, for example 2026-12-25" }), { error: "Write dates as YYYY-MM-DD, separated by commas" })
    .max(MAX_EASY_DATES, `At most ${MAX_EASY_DATES} easy dates`),
);

export const settingsSchema = z.object({
  desiredRetention: z.preprocess(
    retentionFromInput,
    z
      .number({ error: "Enter how much to remember as a percentage, for example 90" })
      .min(L.desiredRetention.min, `Choose at least ${percent(L.desiredRetention.min)}`)
      .max(L.desiredRetention.max, `Choose at most ${percent(L.desiredRetention.max)}`),
  ),
  newCardsPerDay: int(L.newCardsPerDay.min, L.newCardsPerDay.max, "New cards per day"),
  maximumInterval: int(L.maximumInterval.min, L.maximumInterval.max, "Maximum interval"),
  dayRolloverHour: int(L.dayRolloverHour.min, L.dayRolloverHour.max, "Rollover hour"),
  timeZone: timeZoneSchema,
  enableFuzz: z.boolean({ error: "Fuzz must be on or off" }),
  // Even days and easy days (lib/srs/load-balance.ts); left out, they stay as they are.
  loadBalance: z.boolean({ error: "Even days must be on or off" }).optional(),
  easyWeekdays: z
    .array(z.enum(EASY_LEVELS, { error: "Choose Normal, Reduced or Minimum" }))
    .length(7, "Give a level for each of the seven weekdays")
    .optional(),
  easyDates: easyDatesSchema.optional(),
  // Review with two buttons, Forgot and Remembered, graded Again and Good; left out, it stays.
  twoButtonGrading: z.boolean({ error: "Two-button grading must be on or off" }).optional(),
});
export type Settings = z.output<typeof settingsSchema>;
