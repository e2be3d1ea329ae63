import type { OfflineGradeInput } from "../../validation/review";
import type { LocalGrade } from "./snapshot";

// The most grades one sync request carries (syncSchema checks it on the server).
export const SYNC_BATCH = 50;

// The two ends of a grade made offline, in the browser: the record kept on the device when it is
// made, and the body that sends the waiting ones (POST /api/review/sync, checked there by
// syncSchema). Both carry the study session the grade was made in, so that once stored the
// session can undo it as it would an online grade. Pure, unit-tested.

export function localGradeOf(
  g: { userId: string; cardId: string; rating: LocalGrade["rating"]; clientId: string; durationMs: number; sessionId: string },
  now: Date,
): LocalGrade {
  return {
    clientId: g.clientId,
    userId: g.userId,
    cardId: g.cardId,
    rating: g.rating,
    reviewedAt: now.getTime(),
    durationMs: g.durationMs,
    sessionId: g.sessionId,
  };
}

// Each grade as made, without the user id (the server takes the user from the session). A grade
// queued by an older page has no session and is sent without one.
export function syncRequestBody(batch: LocalGrade[]): { grades: OfflineGradeInput[] } {
  return {
    grades: batch.map((g) => ({
      clientId: g.clientId,
      cardId: g.cardId,
      rating: g.rating,
      reviewedAt: g.reviewedAt,
      durationMs: g.durationMs,
      ...(g.sessionId ? { sessionId: g.sessionId } : {}),
    })),
  };
}
