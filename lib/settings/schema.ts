import * as z from "zod/mini";
import { timeZoneSchema } from "../auth/schema";
import { EASY_LEVELS } from "../srs/load-balance";
import { LEECH_ACTIONS } from "../srs/leech";
import { percent, retentionFromInput, SETTINGS_LIMITS } from "./limits";

// The one schema of a user's settings, for the /settings form (in the browser), its action,
// the API and the import. Safe in the browser: lib/settings/index.ts reads and writes them.
// Written with zod/mini, as lib/auth/schema.ts is, to keep zod's classic API out of the page.
// A new setting is one more field here, a User column, and a line in SETTINGS_COLUMNS.

const L = SETTINGS_LIMITS;

// A whole number in a range, from a form field (text) or JSON, with messages naming the field.
const int = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .check(z.int(`${what} must be a whole number`), z.minimum(min, `${what} must be at least ${min}`), z.maximum(max, `${what} must be at most ${max}`));

const retention = ({ min, max }: { min: number; max: number }) =>
  z.pipe(
    z.transform(retentionFromInput),
    z
      .number({ error: "Enter how much to remember as a percentage, for example 90" })
      .check(z.minimum(min, `Choose at least ${percent(min)}`), z.maximum(max, `Choose at most ${percent(max)}`)),
  );

// Specific easy dates as typed: "2026-12-24, 2026-12-25" (or a list, as the API sends them).
export const MAX_EASY_DATES = 60;
const easyDatesSchema = z.pipe(
  z.transform((v) =>
    typeof v === "string"
      ? v
          .split(/[\s,]+/)
          .map((d) => d.trim())
          .filter(Boolean)
      : v,
  ),
  z
    .array(z.iso.date({ error: "Write each date as YYYY-MM-DD, for example 2026-12-25" }), { error: "Write dates as YYYY-MM-DD, separated by commas" })
    .check(z.maxLength(MAX_EASY_DATES, `At most ${MAX_EASY_DATES} easy dates`)),
);

// The fields marked optional were added after the first clients: left out, they stay as they are.
export const settingsSchema = z.object({
  // Desired retention of each group: the warning signs (safety cards) and the rest.
  desiredRetention: retention(L.desiredRetention),
  safetyRetention: z.optional(retention(L.safetyRetention)),
  newCardsPerDay: int(L.newCardsPerDay.min, L.newCardsPerDay.max, "New cards per day"),
  maximumInterval: int(L.maximumInterval.min, L.maximumInterval.max, "Maximum interval"),
  dayRolloverHour: int(L.dayRolloverHour.min, L.dayRolloverHour.max, "Rollover hour"),
  timeZone: timeZoneSchema,
  enableFuzz: z.boolean({ error: "Fuzz must be on or off" }),
  // Even days and easy days (lib/srs/load-balance.ts).
  loadBalance: z.optional(z.boolean({ error: "Even days must be on or off" })),
  easyWeekdays: z.optional(
    z.array(z.enum(EASY_LEVELS, { error: "Choose Normal, Reduced or Minimum" })).check(z.length(7, "Give a level for each of the seven weekdays")),
  ),
  easyDates: z.optional(easyDatesSchema),
  // Review with two buttons, Forgot and Remembered, graded Again and Good; left out, it stays.
  twoButtonGrading: z.optional(z.boolean({ error: "Two-button grading must be on or off" })),
  // The daily review limit and the leech rule (deck control).
  reviewsPerDay: z.optional(int(L.reviewsPerDay.min, L.reviewsPerDay.max, "Reviews per day")),
  leechThreshold: z.optional(int(L.leechThreshold.min, L.leechThreshold.max, "Leech threshold")),
  leechAction: z.optional(z.enum(LEECH_ACTIONS, { error: "Choose what happens to a leech" })),
});
export type SettingsInput = z.output<typeof settingsSchema>;

// "Help me decide" applies one value to one group's setting (lib/settings setGroupRetention):
// the warning signs (safety cards, safetyRetention) or the rest (desiredRetention), each
// within its own range above.
export const RETENTION_GROUPS = ["general", "safety"] as const;
export type RetentionGroup = (typeof RETENTION_GROUPS)[number];
export const RETENTION_FIELD = { general: "desiredRetention", safety: "safetyRetention" } as const satisfies Record<RetentionGroup, keyof SettingsInput>;

export const retentionChoiceSchema = z.discriminatedUnion(
  "group",
  [
    z.object({ group: z.literal("general"), retention: retention(L.desiredRetention) }),
    z.object({ group: z.literal("safety"), retention: retention(L.safetyRetention) }),
  ],
  { error: "Choose the cards to change: the warning signs or the rest" },
);
export type RetentionChoice = z.output<typeof retentionChoiceSchema>;

export const INVALID_SETTINGS = "Some settings are not valid; nothing was changed.";
