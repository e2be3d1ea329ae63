import { Rating } from "ts-fsrs";
import { z } from "zod";
import { SYNC_BATCH } from "../srs/offline/sync-request";

// A grade as ts-fsrs numbers it: Again 1, Hard 2, Good 3, Easy 4.
const grade = z.union([z.literal(Rating.Again), z.literal(Rating.Hard), z.literal(Rating.Good), z.literal(Rating.Easy)], {
  error: "Rating must be 1, 2, 3 or 4",
});

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Malformed id");

export const gradeSchema = z.strictObject({
  cardId: id,
  rating: grade,
  // The card version the client was shown: a grade against an older view is refused.
  version: z.number().int().min(0).max(1_000_000_000),
  clientId: z.string().uuid("clientId must be a UUID"),
  durationMs: z.number().int().min(0).max(3_600_000),
  // The study session (one /review page load) the grade is made in; only a grade with one can
  // be undone, and only from that session (lib/srs/review/undo.ts).
  sessionId: z.string().uuid("sessionId must be a UUID").optional(),
});
export type GradeInput = z.infer<typeof gradeSchema>;

export const undoSchema = z.strictObject({
  logId: id,
  sessionId: z.string({ error: "Undo needs the study session it is asked from" }).uuid("sessionId must be a UUID"),
});
export type UndoInput = z.infer<typeof undoSchema>;

// Grades made offline, sent in the order they were made (POST /api/review/sync). There is no
// card version: the server replays each grade from the card's stored state at `reviewedAt`.
export const offlineGradeSchema = z.strictObject({
  clientId: z.string().uuid("clientId must be a UUID"),
  cardId: id,
  rating: grade,
  reviewedAt: z.number().int("reviewedAt must be epoch milliseconds").min(0).max(8_640_000_000_000_000),
  durationMs: z.number().int().min(0).max(3_600_000),
  // The study session (one /review page load) the grade was made in, kept with its log so that
  // session can undo it once stored, by the same rule as an online grade. Absent from grades
  // queued by an older page.
  sessionId: z.string().uuid("sessionId must be a UUID").optional(),
});
export type OfflineGradeInput = z.infer<typeof offlineGradeSchema>;

export { SYNC_BATCH };
export const syncSchema = z.strictObject({
  grades: z.array(offlineGradeSchema).min(1, "No grades to send").max(SYNC_BATCH, `At most ${SYNC_BATCH} grades per request`),
});
