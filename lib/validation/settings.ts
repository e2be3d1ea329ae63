import { z } from "zod";
import { wholeNumber } from "./common";
import { timeZoneSchema } from "./auth";

export const SETTINGS_LIMITS = {
  desiredRetention: { min: 0.7, max: 0.97 },
  newCardsPerDay: { min: 0, max: 200 },
  maximumInterval: { min: 1, max: 36500 },
  dayRolloverHour: { min: 0, max: 23 },
} as const;

const L = SETTINGS_LIMITS;
const int = wholeNumber;

export const settingsSchema = z.object({
  desiredRetention: z.coerce
    .number({ error: "Desired retention must be a number" })
    .min(L.desiredRetention.min, `Desired retention must be at least ${L.desiredRetention.min}`)
    .max(L.desiredRetention.max, `Desired retention must be at most ${L.desiredRetention.max}`),
  newCardsPerDay: int(L.newCardsPerDay.min, L.newCardsPerDay.max, "New cards per day"),
  maximumInterval: int(L.maximumInterval.min, L.maximumInterval.max, "Maximum interval"),
  dayRolloverHour: int(L.dayRolloverHour.min, L.dayRolloverHour.max, "Rollover hour"),
  timeZone: timeZoneSchema,
  enableFuzz: z.boolean({ error: "Fuzz must be on or off" }),
});
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;
