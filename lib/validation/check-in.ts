import { z } from "zod";

// "How is your back today?" on /review: a score from 0 (no pain) to 10 (worst), "in a flare",
// or skipped (then neither is stored).
export const checkInSchema = z.union([
  z.object({ skip: z.literal(true) }),
  z
    .object({
      skip: z.literal(false).default(false),
      score: z
        .number({ error: "Choose a number from 0 to 10" })
        .int()
        .min(0, "Choose a number from 0 to 10")
        .max(10, "Choose a number from 0 to 10")
        .nullable(),
      flare: z.boolean().default(false),
    })
    .refine((c) => c.score != null || c.flare, { message: "Choose a number from 0 to 10, or say you are in a flare", path: ["score"] }),
]);
export type CheckInInput = z.infer<typeof checkInSchema>;
