import "server-only";
import { sql } from "kysely";
import { transaction } from "../../db";
import { UserError } from "../../errors";
import type { UndoInput } from "../../validation/review";
import { LOG_BEFORE_COLUMNS } from "../card-queries";
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
export async function undoReview(userId: string, { logId, sessionId }: UndoInput, now = new Date()): Promise<UndoResult> {
  return transaction(async (tx) => {
    const log = await tx
      .selectFrom("ReviewLog as l")
      .select((e) => [
        "l.cardId",
        "l.undoneAt",
        "l.sessionId",
        "l.nextVersion",
        ...LOG_BEFORE_COLUMNS,
        "l.leechChange",
        e
          .selectFrom("ReviewLog as m")
          .select("m.id")
          .where("m.userId", "=", userId)
          .where("m.undoneAt", "is", null)
          .orderBy("m.review", "desc")
          .orderBy("m.id", "desc")
          .limit(sql.lit(1))
          .as("latestId"),
      ])
      .where("l.id", "=", logId)
      .where("l.userId", "=", userId)
      .executeTakeFirst();
    if (!log) throw new UserError("No such review.", 404);
    const cardId = log.cardId;
    if (log.undoneAt != null) return { cardId, replay: true };
    const refusal = undoRefusal({ undoneAt: log.undoneAt, sessionId: log.sessionId, isLatest: log.latestId === logId }, sessionId);
    if (refusal) throw refusal;
    const c = restoredCardFields(log);
    // What the grade did by the leech rule is undone with it.
    const flagged = (log.leechChange & LEECH_FLAGGED) !== 0;
    const suspended = (log.leechChange & LEECH_SUSPENDED) !== 0;
    const restored = await tx
      .updateTable("Card")
      .set((e) => ({
        ...c,
        version: e("version", "+", 1),
        ...(flagged ? { leech: false } : {}),
        ...(suspended ? { suspendedAt: null } : {}),
      }))
      .where("id", "=", cardId)
      .where("userId", "=", userId)
      .where("version", "=", log.nextVersion)
      .executeTakeFirst();
    if (restored.numUpdatedRows !== 1n) throw new UserError("This card changed after that review, so the review can no longer be undone.", 409);
    await tx.updateTable("ReviewLog").set({ undoneAt: now }).where("id", "=", logId).where("userId", "=", userId).execute();
    return { cardId, replay: false };
  });
}
