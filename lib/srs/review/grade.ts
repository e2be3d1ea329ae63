import "server-only";
import { randomUUID } from "node:crypto";
import type { Grade } from "ts-fsrs";
import { isUniqueSqlError, kdb, kyselyOn, sqlDb } from "../../db";
import { prepared } from "../../db/prepared";
import { UserError } from "../../errors";
import { gradeSchema } from "../../validation/review";
import { studyDayNumber } from "../day";
import { gradeCard } from "../scheduler";
import { cardScheduler } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { cardFields, cardStateOf, reviewLogFields, type CardFields } from "../card-rows";
import { CARD_FIELD_COLUMNS } from "../card-queries";
import { leechOutcome, leechRuleFor } from "../leech";
import type { ReviewUser } from "./user";
import { insertReviewLog } from "./log-insert";

// The card with what grading it needs: its catalogue card's state and the owner's leech rule.
const cardToGrade = prepared((db, p: { cardId: string; userId: string }) =>
  db
    .selectFrom("Card as c")
    .innerJoin("CatalogCard as k", "k.id", "c.catalogCardId")
    .innerJoin("User as u", "u.id", "c.userId")
    .select(["c.version", ...CARD_FIELD_COLUMNS, "c.leech", "c.suspendedAt", "k.retiredAt", "k.safety", "u.leechThreshold", "u.leechAction"])
    .where("c.id", "=", p.cardId)
    .where("c.userId", "=", p.userId),
);

// The graded card's new fields, only if nobody changed it since it was read (its version).
type Graded = CardFields & { id: string; userId: string; version: number; nextVersion: number; leech: boolean; suspendedAt: Date | null };
const updateGraded = prepared((db, p: Graded) =>
  db
    .updateTable("Card")
    .set({
      state: p.state,
      due: p.due,
      stability: p.stability,
      difficulty: p.difficulty,
      elapsedDays: p.elapsedDays,
      scheduledDays: p.scheduledDays,
      learningSteps: p.learningSteps,
      reps: p.reps,
      lapses: p.lapses,
      lastReview: p.lastReview,
      version: p.nextVersion,
      leech: p.leech,
      suspendedAt: p.suspendedAt,
    })
    .where("id", "=", p.id)
    .where("userId", "=", p.userId)
    .where("version", "=", p.version),
);

export type GradeResult = { logId: string; nextDue: string; nextState: number; replay: boolean };

// Grading: one read of the card, then its update and the log insert in one transaction.
// The read sits outside the transaction: the update's `version = ?` condition makes a grade
// made against an older view (another tab, a repeat) change nothing, and it then answers 409
// or, for a repeated clientId, the first result. A repeated clientId is not looked up first:
// its grade already moved the card on, so the repeat fails the version check (or, racing on
// PostgreSQL, the unique clientId index), and the catch answers with the stored result.
export async function gradeAs(user: ReviewUser, raw: unknown, now: Date): Promise<GradeResult> {
  const parsed = gradeSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid grade", 400);
  const input = parsed.data;
  const userId = user.id;
  try {
    const [row] = (await cardToGrade(kdb, { cardId: input.cardId, userId })).rows;
    if (!row) throw new UserError("No such card in your deck.", 404);
    if (row.retiredAt != null) throw new UserError("This card has been retired from the course.", 409);
    const before = { ...cardStateOf(input.cardId, row), version: row.version };
    if (before.version !== input.version) {
      throw new UserError("This card was reviewed or changed elsewhere (another tab?). Reload to see its current state.", 409);
    }
    const safety = row.safety;
    const f = cardScheduler(schedulerSettingsOf(user), safety);
    const { card: next, log } = gradeCard(f, before, input.rating as Grade, now);
    const l = reviewLogFields(before, next, log, { durationMs: input.durationMs, reviewDay: studyDayNumber(now, dayContextOf(user)) });
    // The leech rule (lib/srs/leech.ts) runs with the grade, in the same statements, so every
    // path that grades (online now, replayed offline grades later) applies it.
    const {
      leechChange,
      leech,
      suspendedAt: suspended,
    } = leechOutcome(
      { prevLapses: before.lapses, nextLapses: next.lapses, leech: row.leech, suspendedAt: row.suspendedAt },
      leechRuleFor({ threshold: row.leechThreshold, action: row.leechAction }, safety),
      now,
    );
    const logId = randomUUID();
    await sqlDb.transaction(async (tx) => {
      const updated = await updateGraded(kyselyOn(tx), {
        ...cardFields(next),
        id: before.id,
        userId,
        version: before.version,
        nextVersion: l.nextVersion,
        leech,
        suspendedAt: suspended,
      });
      if (updated.numAffectedRows !== 1n) throw new UserError("This card was reviewed elsewhere at the same moment. Reload to continue.", 409);
      await insertReviewLog(tx, { ...l, id: logId, userId, cardId: before.id, clientId: input.clientId, leechChange, sessionId: input.sessionId ?? null });
    });
    return { logId, nextDue: next.due.toISOString(), nextState: next.state, replay: false };
  } catch (e) {
    // A repeat of a stored grade, or two copies of one request racing (possible where
    // transactions run side by side, as on PostgreSQL: the unique index let one in).
    const raced = isUniqueSqlError(e) || (e instanceof UserError && e.status === 409);
    if (raced) {
      const first = await kdb
        .selectFrom("ReviewLog")
        .select(["id", "nextDue", "nextState", "undoneAt"])
        .where("userId", "=", userId)
        .where("clientId", "=", input.clientId)
        .executeTakeFirst();
      if (first?.undoneAt != null) throw new UserError("That review was undone; reload to continue.", 409);
      if (first) return { logId: first.id, nextDue: first.nextDue.toISOString(), nextState: first.nextState, replay: true };
    }
    throw e;
  }
}
