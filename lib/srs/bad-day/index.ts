import "server-only";
import { randomUUID } from "node:crypto";
import { sqlDb, sql } from "../../db";
import { bool, date, dateOrNull, num, str, strOrNull } from "../../db/row";
import { parseInput, UserError } from "../../errors";
import { checkInSchema } from "../../validation/check-in";
import { studyDayBounds, studyDayNumber } from "../day";
import { QUEUED_SQL } from "../due";
import { retrievability } from "../scheduler";
import { cardScheduler, cardSchedulers } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { snapshotOf, undoCardAction } from "../cards/actions";
import { settingsOf } from "../../settings";
import { isBadDay, median, planBadDay, sessionCap, type DueToday } from "./plan";

// The daily check-in ("How is your back today?") and the bad-day session it may start. On a
// bad day (lib/srs/bad-day/plan.ts) today's due cards beyond about two minutes' worth are
// moved to the start of the next study day, in the same transaction as the check-in. Each
// move is a manual card event (CardEvent kind "postpone", one batch), so the card's history
// shows it, no review count or statistic sees it, and one undo (undoCardAction) restores every
// postponed card that has not changed since. While the day is a bad day no new cards are
// offered (lib/srs/review/queue.ts).

export const POSTPONE_EVENT = "postpone";
// Answer times are taken from this many of the learner's latest reviews.
const ANSWER_TIME_SAMPLE = 50;

export type CheckIn = {
  studyDay: number;
  skipped: boolean;
  score: number | null;
  flare: boolean;
  badDay: boolean;
  sessionCards: number;
  // Postponed cards still postponed (an undo brings them back).
  postponed: number;
  postponedAtFirst: number;
  batchId: string | null;
};

type UserRef = Parameters<typeof settingsOf>[0];

async function readCheckIn(userId: string, studyDay: number): Promise<CheckIn | null> {
  const r = await sqlDb.get(sql`
    SELECT ci."score", ci."flare", ci."badDay", ci."sessionCards", ci."postponed", ci."postponeBatchId",
      (SELECT COUNT(*) FROM "CardEvent" e WHERE e."userId" = ${userId} AND e."batchId" = ci."postponeBatchId" AND e."undoneAt" IS NULL) AS "live"
    FROM "BackCheckIn" ci WHERE ci."userId" = ${userId} AND ci."studyDay" = ${studyDay}`);
  if (!r) return null;
  const score = r.score == null ? null : num(r.score);
  const flare = bool(r.flare);
  return {
    studyDay,
    skipped: score == null && !flare,
    score,
    flare,
    badDay: bool(r.badDay),
    sessionCards: num(r.sessionCards),
    postponed: num(r.live),
    postponedAtFirst: num(r.postponed),
    batchId: strOrNull(r.postponeBatchId),
  };
}

// Today's check-in, or null when the question has not been asked (or skipped) today.
export async function getTodayCheckIn(user: UserRef, now = new Date()): Promise<CheckIn | null> {
  const u = await settingsOf(user);
  return readCheckIn(u.id, studyDayNumber(now, dayContextOf(u)));
}

// Records today's answer (or its skipping) once: a second answer the same study day changes
// nothing and returns the first. A bad day postpones cards in the same transaction.
export async function recordCheckIn(user: UserRef, raw: unknown, now = new Date()): Promise<CheckIn> {
  const input = parseInput(checkInSchema, raw, "That answer is not valid; nothing was changed.");
  const u = await settingsOf(user);
  const ctx = dayContextOf(u);
  const studyDay = studyDayNumber(now, ctx);
  const score = input.skip ? null : input.score;
  const flare = input.skip ? false : input.flare;
  const bad = isBadDay({ score, flare });
  const tomorrow = studyDayBounds(now, ctx).end;
  const schedulers = cardSchedulers(schedulerSettingsOf(u));

  await sqlDb.transaction(async (tx) => {
    const [existing] = await tx.all(sql`SELECT "id" FROM "BackCheckIn" WHERE "userId" = ${u.id} AND "studyDay" = ${studyDay}`);
    if (existing) return;
    let sessionCards = 0;
    let postponed = 0;
    let batchId: string | null = null;
    if (bad) {
      const durations = await tx.all(sql`
        SELECT "durationMs" FROM "ReviewLog" WHERE "userId" = ${u.id} AND "undoneAt" IS NULL AND "durationMs" > 0 ORDER BY "review" DESC LIMIT ${ANSWER_TIME_SAMPLE}`);
      const cap = sessionCap(median(durations.map((d) => num(d.durationMs))));
      const rows = await tx.all({
        text: `SELECT c."id", c."state", c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays", c."learningSteps", c."reps", c."lapses",
            c."lastReview", c."suspendedAt", c."buriedUntil", c."leech", c."version", k."safety", k."quickRelief"
          FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId"
          WHERE c."userId" = ? AND k."retiredAt" IS NULL AND ${QUEUED_SQL} AND c."state" <> 0 AND c."due" < ?`,
        values: [u.id, now, tomorrow],
      });
      // The damage of waiting: recall now minus recall at the same time on the next day.
      const dayLater = new Date(now.getTime() + 86_400_000);
      const due = rows.map((r) => {
        const s = cardScheduler(schedulers, bool(r.safety));
        const memory = { state: num(r.state), due: date(r.due), stability: num(r.stability), lastReview: dateOrNull(r.lastReview) };
        const drop = retrievability(s, memory, now) - retrievability(s, memory, dayLater);
        return { id: str(r.id), safety: bool(r.safety), quickRelief: bool(r.quickRelief), due: memory.due, drop, row: r } satisfies DueToday & { row: unknown };
      });
      const plan = planBadDay(due, cap);
      sessionCards = plan.keep.length;
      if (plan.postpone.length) {
        batchId = randomUUID();
        for (const c of plan.postpone) {
          const version = num(c.row.version) + 1;
          const n = await tx.run(sql`
            UPDATE "Card" SET "due" = ${tomorrow}, "version" = ${version} WHERE "id" = ${c.id} AND "userId" = ${u.id} AND "version" = ${num(c.row.version)}`);
          if (n !== 1) throw new UserError("Your cards changed while the session was being shortened (a review in another tab?). Please try again.", 409);
          await tx.run(sql`
            INSERT INTO "CardEvent" ("id", "userId", "cardId", "batchId", "kind", "at", "before", "version")
            VALUES (${randomUUID()}, ${u.id}, ${c.id}, ${batchId}, ${POSTPONE_EVENT}, ${now}, ${JSON.stringify(snapshotOf(c.row))}, ${version})`);
        }
        postponed = plan.postpone.length;
      }
    }
    await tx.run(sql`
      INSERT INTO "BackCheckIn" ("id", "userId", "studyDay", "score", "flare", "badDay", "sessionCards", "postponed", "postponeBatchId", "createdAt")
      VALUES (${randomUUID()}, ${u.id}, ${studyDay}, ${score}, ${flare}, ${bad}, ${sessionCards}, ${postponed}, ${batchId}, ${now})`);
  });
  return (await readCheckIn(u.id, studyDay))!;
}

export type UndoPostponeResult = { restored: number; skipped: number };

// Puts today's postponed cards back (all of them, in one step): each gets its due date as it
// was, unless it changed since. The day stays a bad day (no new cards).
export async function undoPostponement(user: UserRef, now = new Date()): Promise<UndoPostponeResult> {
  const u = await settingsOf(user);
  const today = await readCheckIn(u.id, studyDayNumber(now, dayContextOf(u)));
  if (!today?.batchId) throw new UserError("No cards were moved today, so there is nothing to put back.", 409);
  const r = await undoCardAction(u.id, { batchId: today.batchId }, now);
  return { restored: r.restored, skipped: r.skipped };
}
