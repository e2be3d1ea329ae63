import "server-only";
import { randomUUID } from "node:crypto";
import type { Grade } from "ts-fsrs";
import { sqlDb, sql, isUniqueSqlError } from "../../db";
import { bool, date, dateOrNull, num, str } from "../../db/row";
import { UserError } from "../../errors";
import { gradeSchema } from "../../validation/review";
import { studyDayNumber } from "../day";
import { gradeCard } from "../scheduler";
import { cardScheduler } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { cardStateOf, reviewLogFields } from "../card-rows";
import { leechOutcome, leechRuleFor } from "../leech";
import type { UserSettings } from "../../settings";
import { insertReviewLog } from "./log-insert";
import { balancingOf, loadBounds, LOAD_COLUMNS, LOAD_JOIN, windowFor } from "../load";
import { windowToJson } from "../load-balance";

export type GradeResult = { logId: string; nextDue: string; nextState: number; replay: boolean };

// Grading: one read of the card, then its update and the log insert in one transaction.
// The read sits outside the transaction: the update's `version = ?` condition makes a grade
// made against an older view (another tab, a repeat) change nothing, and it then answers 409
// or, for a repeated clientId, the first result. A repeated clientId is not looked up first:
// its grade already moved the card on, so the repeat fails the version check (or, racing on
// PostgreSQL, the unique clientId index), and the catch answers with the stored result.
export async function gradeAs(user: UserSettings, raw: unknown, now: Date): Promise<GradeResult> {
  const parsed = gradeSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid grade", 400);
  const input = parsed.data;
  const userId = user.id;
  try {
    // The card, its user's settings, and (even days) the other cards its load counts, in one statement.
    const { from, to } = loadBounds(now);
    const rows = await sqlDb.all({
      text: `SELECT c."version", c."state", c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays", c."learningSteps",
        c."reps", c."lapses", c."lastReview", c."leech", c."catalogCardId", c."suspendedAt", k."retiredAt", k."safety", u."leechThreshold", u."leechAction",
        ${LOAD_COLUMNS}
      FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId" JOIN "User" u ON u."id" = c."userId" ${LOAD_JOIN}
      WHERE c."id" = ? AND c."userId" = ?`,
      values: [from, to, input.cardId, userId],
    });
    const row = rows[0];
    if (!row) throw new UserError("No such card in your deck.", 404);
    if (row.retiredAt != null) throw new UserError("This card has been retired from the course.", 409);
    const before = {
      ...cardStateOf(input.cardId, {
        state: num(row.state),
        due: date(row.due),
        stability: num(row.stability),
        difficulty: num(row.difficulty),
        elapsedDays: num(row.elapsedDays),
        scheduledDays: num(row.scheduledDays),
        learningSteps: num(row.learningSteps),
        reps: num(row.reps),
        lapses: num(row.lapses),
        lastReview: dateOrNull(row.lastReview),
      }),
      version: num(row.version),
    };
    if (before.version !== input.version) {
      throw new UserError("This card was reviewed or changed elsewhere (another tab?). Reload to see its current state.", 409);
    }
    const safety = bool(row.safety);
    const f = cardScheduler(schedulerSettingsOf(user), safety);
    // Even days: the day is picked from the learner's load now (lib/srs/load.ts), and the load
    // it read is stored with the review for replays.
    const window = windowFor(balancingOf(rows, now, dayContextOf(user)), str(row.catalogCardId));
    const { card: next, log, balance } = gradeCard(f, before, input.rating as Grade, now, window);
    const l = reviewLogFields(before, next, log, { durationMs: input.durationMs, reviewDay: studyDayNumber(now, dayContextOf(user)) });
    // The leech rule (lib/srs/leech.ts) runs with the grade, in the same statements, so every
    // path that grades (online now, replayed offline grades later) applies it.
    const {
      leechChange,
      leech,
      suspendedAt: suspended,
    } = leechOutcome(
      { prevLapses: before.lapses, nextLapses: next.lapses, leech: bool(row.leech), suspendedAt: dateOrNull(row.suspendedAt) },
      leechRuleFor({ threshold: num(row.leechThreshold), action: str(row.leechAction) }, safety),
      now,
    );
    const logId = randomUUID();
    await sqlDb.transaction(async (tx) => {
      const updated = await tx.run(sql`
        UPDATE "Card" SET "state" = ${next.state}, "due" = ${next.due}, "stability" = ${next.stability}, "difficulty" = ${next.difficulty},
          "elapsedDays" = ${next.elapsedDays}, "scheduledDays" = ${next.scheduledDays}, "learningSteps" = ${next.learningSteps},
          "reps" = ${next.reps}, "lapses" = ${next.lapses}, "lastReview" = ${next.lastReview}, "version" = ${l.nextVersion},
          "leech" = ${leech}, "suspendedAt" = ${suspended}
        WHERE "id" = ${before.id} AND "userId" = ${userId} AND "version" = ${before.version}`);
      if (updated !== 1) throw new UserError("This card was reviewed elsewhere at the same moment. Reload to continue.", 409);
      await insertReviewLog(tx, {
        ...l,
        id: logId,
        userId,
        cardId: before.id,
        clientId: input.clientId,
        leechChange,
        sessionId: input.sessionId ?? null,
        balance: balance && windowToJson(balance),
      });
    });
    return { logId, nextDue: next.due.toISOString(), nextState: next.state, replay: false };
  } catch (e) {
    // A repeat of a stored grade, or two copies of one request racing (possible where
    // transactions run side by side, as on PostgreSQL: the unique index let one in).
    const raced = isUniqueSqlError(e) || (e instanceof UserError && e.status === 409);
    if (raced) {
      const first = await sqlDb.get(
        sql`SELECT "id", "nextDue", "nextState", "undoneAt" FROM "ReviewLog" WHERE "userId" = ${userId} AND "clientId" = ${input.clientId}`,
      );
      if (first?.undoneAt != null) throw new UserError("That review was undone; reload to continue.", 409);
      if (first) return { logId: str(first.id), nextDue: date(first.nextDue).toISOString(), nextState: num(first.nextState), replay: true };
    }
    throw e;
  }
}
