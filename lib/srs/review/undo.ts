import "server-only";
import { sqlDb, sql } from "../../db";
import { date, dateOrNull, num, str } from "../../db/row";
import { UserError } from "../../errors";
import { undoSchema } from "../../validation/review";
import { restoredCardFields } from "../card-rows";
import { LEECH_FLAGGED, LEECH_SUSPENDED } from "../leech";

export type UndoResult = { cardId: string; replay: boolean };

// What an undo may reach, in one place (grades replayed from offline use it too): only the
// user's most recent live review, and only one made in the study session asking. A study
// session is one /review page load; its id is stored with each grade. So undo never reaches
// a review made on another device, in another tab, or before a reload, whatever ids are sent.
// The id scopes undo, it is not a secret: the user can only ever undo their own reviews.
export type UndoTarget = { undoneAt: unknown; sessionId: string | null; isLatest: boolean };

export function undoRefusal(log: UndoTarget, sessionId: string): UserError | null {
  if (log.sessionId !== sessionId) {
    return new UserError("That review was made in an earlier study session or on another device. Undo reaches back only through this session.", 409);
  }
  if (!log.isLatest) return new UserError("Only your most recent review can be undone.", 409);
  return null;
}

// Undo marks the log undone (history stays append-only) and restores every card field from
// the log's snapshot, so the card is exactly as it was before that review.
export async function undoReview(userId: string, raw: unknown, now = new Date()): Promise<UndoResult> {
  const parsed = undoSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid request", 400);
  const { logId, sessionId } = parsed.data;

  return sqlDb.transaction(async (tx) => {
    const [log] = await tx.all(sql`
      SELECT l."cardId", l."undoneAt", l."sessionId", l."nextVersion", l."state", l."prevDue", l."stability", l."difficulty", l."prevElapsedDays",
        l."scheduledDays", l."learningSteps", l."prevReps", l."prevLapses", l."prevLastReview", l."leechChange",
        (SELECT m."id" FROM "ReviewLog" m WHERE m."userId" = ${userId} AND m."undoneAt" IS NULL ORDER BY m."review" DESC, m."id" DESC LIMIT 1) AS "latestId"
      FROM "ReviewLog" l WHERE l."id" = ${logId} AND l."userId" = ${userId}`);
    if (!log) throw new UserError("No such review.", 404);
    const cardId = str(log.cardId);
    if (log.undoneAt != null) return { cardId, replay: true };
    const refusal = undoRefusal(
      { undoneAt: log.undoneAt, sessionId: log.sessionId == null ? null : str(log.sessionId), isLatest: log.latestId === logId },
      sessionId,
    );
    if (refusal) throw refusal;
    const c = restoredCardFields({
      state: num(log.state),
      prevDue: date(log.prevDue),
      stability: num(log.stability),
      difficulty: num(log.difficulty),
      prevElapsedDays: num(log.prevElapsedDays),
      scheduledDays: num(log.scheduledDays),
      learningSteps: num(log.learningSteps),
      prevReps: num(log.prevReps),
      prevLapses: num(log.prevLapses),
      prevLastReview: dateOrNull(log.prevLastReview),
    });
    // What the grade did by the leech rule is undone with it.
    const change = num(log.leechChange);
    const flagged = change & LEECH_FLAGGED ? 1 : 0;
    const suspended = change & LEECH_SUSPENDED ? 1 : 0;
    const restored = await tx.run(sql`
      UPDATE "Card" SET "state" = ${c.state}, "due" = ${c.due}, "stability" = ${c.stability}, "difficulty" = ${c.difficulty},
        "elapsedDays" = ${c.elapsedDays}, "scheduledDays" = ${c.scheduledDays}, "learningSteps" = ${c.learningSteps}, "reps" = ${c.reps},
        "lapses" = ${c.lapses}, "lastReview" = ${c.lastReview}, "version" = "version" + 1,
        "leech" = CASE WHEN ${flagged} = 1 THEN ${false} ELSE "leech" END,
        "suspendedAt" = CASE WHEN ${suspended} = 1 THEN NULL ELSE "suspendedAt" END
      WHERE "id" = ${cardId} AND "userId" = ${userId} AND "version" = ${num(log.nextVersion)}`);
    if (restored !== 1) throw new UserError("This card changed after that review, so the review can no longer be undone.", 409);
    await tx.run(sql`UPDATE "ReviewLog" SET "undoneAt" = ${now} WHERE "id" = ${logId} AND "userId" = ${userId}`);
    return { cardId, replay: false };
  });
}
