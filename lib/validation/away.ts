import { z } from "zod";
import { MAX_AWAY_DAYS, MAX_SPREAD_DAYS } from "../srs/away/plan";

// "I'm away" (/settings/away): the first and last day away, as the learner's own calendar
// dates (YYYY-MM-DD, study days), and optionally over how many days after it the cards go.
const isoDate = z
  .string({ error: "Choose a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Choose a date");

export const dayOfIsoDate = (s: string) => Math.round(Date.parse(`${s}T00:00:00Z`) / 86_400_000);

export const awaySchema = z
  .object({
    start: isoDate,
    end: isoDate,
    spreadDays: z
      .number({ error: `Choose 1 to ${MAX_SPREAD_DAYS} days` })
      .int()
      .min(1, `Choose 1 to ${MAX_SPREAD_DAYS} days`)
      .max(MAX_SPREAD_DAYS, `Choose 1 to ${MAX_SPREAD_DAYS} days`)
      .optional(),
  })
  .refine((a) => dayOfIsoDate(a.end) >= dayOfIsoDate(a.start), { message: "The last day away cannot be before the first", path: ["end"] })
  .refine((a) => dayOfIsoDate(a.end) - dayOfIsoDate(a.start) < MAX_AWAY_DAYS, { message: `A break can be at most ${MAX_AWAY_DAYS} days`, path: ["end"] });
export type AwayInput = z.infer<typeof awaySchema>;

export const undoAwaySchema = z.object({ periodId: z.string().min(1).max(64, "Nothing to undo") });
export type UndoAwayInput = z.infer<typeof undoAwaySchema>;

// "Spread them out" on /review after a break: over how many days, today included.
export const spreadBacklogSchema = z.object({
  days: z
    .number({ error: `Choose 2 to ${MAX_SPREAD_DAYS} days` })
    .int()
    .min(2, `Choose 2 to ${MAX_SPREAD_DAYS} days`)
    .max(MAX_SPREAD_DAYS, `Choose 2 to ${MAX_SPREAD_DAYS} days`),
});
export type SpreadBacklogInput = z.infer<typeof spreadBacklogSchema>;
