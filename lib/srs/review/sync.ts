import "server-only";
import { randomUUID } from "node:crypto";
import { sqlDb, sql, isUniqueSqlError } from "../../db";
import { bool, date, dateOrNull, num, str } from "../../db/row";
import { env } from "../../env";
import { UserError } from "../../errors";
import type { OfflineGradeInput } from "../../validation/review";
import { cardStateOf, restoredCardFields } from "../card-rows";
import { cardScheduler } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { replayGrades } from "../replay";
import { gradeAs } from "./grade";
import type { ReviewUser } from "./user";
import { insertReviewLog } from "./log-insert";

// Grades made offline reach the server here, in the order they were made, each in its own
// transaction. The browser's computed state is never used: each grade is applied to the
// card's stored state at its own review time with the learner's current parameters.
// - A clientId already stored answers with the first result ("repeat"), never twice.
// - A review at or after the card's last review goes through gradeAs, the online grading
//   function itself, with the review time as its clock.
// - A review earlier than the card's last review (the card was graded meanwhile on another
//   device) is put in its place: the card is reset to the snapshot before the earliest later
//   review, then the new grade and every later live review are replayed in review-time order.
//   Both reviews stay in the history; the later logs' derived fields are rewritten to what the
//   replay gives (their rating, time and duration are facts and never change).
// - Refused, with a reason the page shows: a review time more than FUTURE_TOLERANCE_MS after
//   the server's clock, older than UNKNOT_OFFLINE_MAX_AGE_DAYS (default 30), or before the card
//   was added to the deck; a card no longer in the deck or retired.

export const FUTURE_TOLERANCE_MS = 60_000;

export type SyncOutcome = { clientId: string; status: "stored" | "repeat" | "refused"; logId?: string; reason?: string };

export async function syncGrades(user: ReviewUser, grades: OfflineGradeInput[], now = new Date()): Promise<SyncOutcome[]> {
  const out: SyncOutcome[] = [];
  for (const g of grades) out.push(await syncOne(user, g, now));
  return out;
}

async function storedResult(userId: string, clientId: string): Promise<SyncOutcome | null> {
  const first = await sqlDb.get(sql`SELECT "id" FROM "ReviewLog" WHERE "userId" = ${userId} AND "clientId" = ${clientId}`);
  return first ? { clientId, status: "repeat", logId: str(first.id) } : null;
}

export function refusalOf(g: Pick<OfflineGradeInput, "reviewedAt">, now: Date, maxAgeDays = env().UNKNOT_OFFLINE_MAX_AGE_DAYS): string | null {
  if (g.reviewedAt > now.getTime() + FUTURE_TOLERANCE_MS) return "Its review time is in the future. Check this device's date and time.";
  if (g.reviewedAt < now.getTime() - maxAgeDays * 86_400_000) return `It was made more than ${maxAgeDays} days ago, longer than offline reviews are kept.`;
  return null;
}

const ATTEMPTS = 3;

async function syncOne(user: ReviewUser, g: OfflineGradeInput, now: Date): Promise<SyncOutcome> {
  const refused = (reason: string): SyncOutcome => ({ clientId: g.clientId, status: "refused", reason });
  for (let attempt = 1; ; attempt++) {
    const first = await storedResult(user.id, g.clientId);
    if (first) return first;
    const reason = refusalOf(g, now);
    if (reason) return refused(reason);
    const at = new Date(g.reviewedAt);
    try {
      const row = await sqlDb.get(sql`
        SELECT c."version", c."lastReview", c."addedAt", k."retiredAt", k."safety"
        FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId" WHERE c."id" = ${g.cardId} AND c."userId" = ${user.id}`);
      if (!row) return refused("This card is no longer in your deck.");
      if (row.retiredAt != null) return refused("This card has been retired from the course.");
      if (at < date(row.addedAt)) return refused("Its review time is before the card was added to your deck.");
      const last = dateOrNull(row.lastReview);
      if (!last || at >= last) {
        const r = await gradeAs(user, { cardId: g.cardId, rating: g.rating, version: num(row.version), clientId: g.clientId, durationMs: g.durationMs }, at);
        return { clientId: g.clientId, status: r.replay ? "repeat" : "stored", logId: r.logId };
      }
      return { clientId: g.clientId, status: "stored", logId: await insertInOrder(user, g, at, num(row.version), bool(row.safety)) };
    } catch (e) {
      // Another grade of this card landed between the read and the write: read it again.
      const raced = (e instanceof UserError && e.status === 409) || isUniqueSqlError(e);
      if (raced && attempt < ATTEMPTS) continue;
      if (raced) throw new UserError("This card is being reviewed elsewhere right now; your waiting reviews will be sent again shortly.", 409);
      if (e instanceof UserError && e.status < 500) return refused(e.message);
      throw e;
    }
  }
}

async function insertInOrder(user: ReviewUser, g: OfflineGradeInput, at: Date, version: number, safety: boolean): Promise<string> {
  const userId = user.id;
  const logId = randomUUID();
  await sqlDb.transaction(async (tx) => {
    const later = await tx.all(sql`
      SELECT l."id", l."rating", l."review", l."durationMs", l."state", l."prevDue", l."stability", l."difficulty", l."prevElapsedDays",
        l."scheduledDays", l."learningSteps", l."prevReps", l."prevLapses", l."prevLastReview"
      FROM "ReviewLog" l WHERE l."userId" = ${userId} AND l."cardId" = ${g.cardId} AND l."undoneAt" IS NULL AND l."review" > ${at}
      ORDER BY l."review", l."id"`);
    const head = later[0];
    if (!head) throw new UserError("The card changed while this review was being placed.", 409);
    // The card as it was just before the earliest later review: where the new grade goes in.
    const start = {
      ...cardStateOf(g.cardId, restoredCardFields({
        state: num(head.state), prevDue: date(head.prevDue), stability: num(head.stability), difficulty: num(head.difficulty),
        prevElapsedDays: num(head.prevElapsedDays), scheduledDays: num(head.scheduledDays), learningSteps: num(head.learningSteps),
        prevReps: num(head.prevReps), prevLapses: num(head.prevLapses), prevLastReview: dateOrNull(head.prevLastReview),
      })),
      // The version chain continues from the card's current version, so every version a
      // client was shown before is now stale, and undo's version check matches the new logs.
      version,
    };
    const items = [{ rating: g.rating, review: at, durationMs: g.durationMs }, ...later.map((l) => ({ rating: num(l.rating), review: date(l.review), durationMs: num(l.durationMs) }))];
    const steps = replayGrades(cardScheduler(schedulerSettingsOf(user), safety), dayContextOf(user), start, items);
    const n = steps[0]!.log;
    await insertReviewLog(tx, { ...n, id: logId, userId, cardId: g.cardId, clientId: g.clientId, leechChange: 0, sessionId: null });
    for (let i = 0; i < later.length; i++) {
      const l = steps[i + 1]!.log;
      await tx.run(sql`
        UPDATE "ReviewLog" SET "state" = ${l.state}, "due" = ${l.due}, "stability" = ${l.stability}, "difficulty" = ${l.difficulty},
          "elapsedDays" = ${l.elapsedDays}, "lastElapsedDays" = ${l.lastElapsedDays}, "scheduledDays" = ${l.scheduledDays},
          "learningSteps" = ${l.learningSteps}, "reviewDay" = ${l.reviewDay}, "prevDue" = ${l.prevDue}, "prevLastReview" = ${l.prevLastReview},
          "prevElapsedDays" = ${l.prevElapsedDays}, "prevReps" = ${l.prevReps}, "prevLapses" = ${l.prevLapses}, "prevVersion" = ${l.prevVersion},
          "nextState" = ${l.nextState}, "nextDue" = ${l.nextDue}, "nextScheduledDays" = ${l.nextScheduledDays}, "nextStability" = ${l.nextStability},
          "nextVersion" = ${l.nextVersion}
        WHERE "id" = ${str(later[i]!.id)} AND "userId" = ${userId}`);
    }
    const c = steps[steps.length - 1]!.card;
    const updated = await tx.run(sql`
      UPDATE "Card" SET "state" = ${c.state}, "due" = ${c.due}, "stability" = ${c.stability}, "difficulty" = ${c.difficulty},
        "elapsedDays" = ${c.elapsedDays}, "scheduledDays" = ${c.scheduledDays}, "learningSteps" = ${c.learningSteps},
        "reps" = ${c.reps}, "lapses" = ${c.lapses}, "lastReview" = ${c.lastReview}, "version" = ${c.version}
      WHERE "id" = ${g.cardId} AND "userId" = ${userId} AND "version" = ${version}`);
    if (updated !== 1) throw new UserError("The card changed while this review was being placed.", 409);
  });
  return logId;
}
