import "server-only";
import { sql } from "../../db";
import type { SqlTx } from "../../db/sql";
import type { ReviewLogFields } from "../card-rows";

// The one INSERT of a review log row, for online grades (grade.ts) and for offline grades put in
// their place in the history (sync.ts). The fields come from reviewLogFields (lib/srs/card-rows.ts).
export type ReviewLogInsert = ReviewLogFields & {
  id: string;
  userId: string;
  cardId: string;
  clientId: string;
  // What the leech rule did with this grade (lib/srs/leech.ts), so that undo reverses it.
  leechChange: number;
  // The study session the grade was made in (online, or offline and sent later); null for grades
  // without one (imported, seeded, or queued by an older page), which no undo reaches.
  sessionId: string | null;
  // The load the even-days pick read (ReviewLog.balance, lib/srs/load-balance.ts windowToJson).
  balance?: string | null;
};

export function insertReviewLog(tx: SqlTx, r: ReviewLogInsert): Promise<number> {
  return tx.run(sql`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "clientId", "rating", "state", "due", "stability", "difficulty", "elapsedDays",
      "lastElapsedDays", "scheduledDays", "learningSteps", "review", "durationMs", "reviewDay", "prevDue", "prevLastReview",
      "prevElapsedDays", "prevReps", "prevLapses", "prevVersion", "nextState", "nextDue", "nextScheduledDays", "nextStability", "nextVersion", "leechChange", "sessionId", "balance")
    VALUES (${r.id}, ${r.userId}, ${r.cardId}, ${r.clientId}, ${r.rating}, ${r.state}, ${r.due}, ${r.stability}, ${r.difficulty}, ${r.elapsedDays},
      ${r.lastElapsedDays}, ${r.scheduledDays}, ${r.learningSteps}, ${r.review}, ${r.durationMs}, ${r.reviewDay}, ${r.prevDue}, ${r.prevLastReview},
      ${r.prevElapsedDays}, ${r.prevReps}, ${r.prevLapses}, ${r.prevVersion}, ${r.nextState}, ${r.nextDue}, ${r.nextScheduledDays}, ${r.nextStability}, ${r.nextVersion}, ${r.leechChange}, ${r.sessionId}, ${r.balance ?? null})`);
}
