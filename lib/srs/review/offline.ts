import "server-only";
import { State } from "ts-fsrs";
import { sqlDb, sql } from "../../db";
import { bool, date, dateOrNull, num, str } from "../../db/row";
import { cardView } from "../../content/catalogue";
import { studyDayNumber } from "../day";
import { dueCutoff, QUEUED_SQL } from "../due";
import { dailyAllowance } from "../limits";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { toWire, type OfflineSnapshot, type SnapshotCard } from "../offline/snapshot";
import type { ReviewUser } from "./user";

// The study day's queue for the browser's offline copy (lib/srs/offline/snapshot.ts): every
// card due before the end of the study day (learning steps due later today included), the
// new cards that the day's remaining new-card limit allows, in the queue's order, with their
// content, and the learner's parameters. Only the session's own cards are read. As on /review,
// suspended and buried cards are left out and the daily limits (lib/srs/limits.ts) apply.
// Constant text; the values are bound.
const SELECT = `SELECT c."id", c."catalogCardId", c."version", c."state", c."due", c."stability", c."difficulty", c."elapsedDays",
  c."scheduledDays", c."learningSteps", c."reps", c."lapses", c."lastReview", c."leech", k."safety"
  FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId" WHERE c."userId" = ? AND k."retiredAt" IS NULL AND ${QUEUED_SQL}`;

export async function offlineSnapshot(user: ReviewUser, now = new Date()): Promise<OfflineSnapshot> {
  const ctx = dayContextOf(user);
  const studyDay = studyDayNumber(now, ctx);
  const t = await sqlDb.get(sql`
    SELECT COUNT(*) AS "done", SUM(CASE WHEN l."rating" = 1 THEN 1 ELSE 0 END) AS "again", SUM(l."durationMs") AS "timeMs",
      SUM(CASE WHEN l."state" = 0 THEN 1 ELSE 0 END) AS "introduced", SUM(CASE WHEN l."state" = 2 THEN 1 ELSE 0 END) AS "reviewed",
      (SELECT u."reviewsPerDay" FROM "User" u WHERE u."id" = ${user.id}) AS "reviewsPerDay",
      (SELECT ci."badDay" FROM "BackCheckIn" ci WHERE ci."userId" = ${user.id} AND ci."studyDay" = ${studyDay}) AS "badDay"
    FROM "ReviewLog" l WHERE l."userId" = ${user.id} AND l."undoneAt" IS NULL AND l."reviewDay" = ${studyDay}`);
  const [allDue, allFresh] = await Promise.all([
    sqlDb.all({ text: `${SELECT} AND c."state" <> 0 AND c."due" < ? ORDER BY c."due", c."id"`, values: [user.id, now, dueCutoff(now, ctx)] }),
    sqlDb.all({ text: `${SELECT} AND c."state" = 0 ORDER BY c."due", k."position" LIMIT ?`, values: [user.id, now, user.newCardsPerDay] }),
  ]);
  const isReview = (r: Record<string, unknown>) => num(r.state) === State.Review;
  const allow = dailyAllowance({
    newPerDay: user.newCardsPerDay,
    reviewsPerDay: num(t?.reviewsPerDay ?? 0),
    introduced: num(t?.introduced ?? 0),
    reviewed: num(t?.reviewed ?? 0),
    reviewDue: allDue.filter(isReview).length,
    newAvailable: allFresh.length,
  });
  // Learning steps are never capped; reviews and new cards only up to today's allowance.
  let reviewsLeft = allow.reviews;
  const due = allDue.filter((r) => !isReview(r) || reviewsLeft-- > 0);
  // A bad day (lib/srs/bad-day) brings no new cards, offline as online.
  const fresh = bool(t?.badDay) ? [] : allFresh.slice(0, allow.fresh);
  const cards: SnapshotCard[] = [];
  for (const r of [...due, ...fresh]) {
    const view = cardView(str(r.catalogCardId));
    if (!view) continue;
    cards.push({
      cardId: str(r.id),
      version: num(r.version),
      leech: bool(r.leech),
      safety: bool(r.safety),
      view,
      fields: toWire({
        state: num(r.state),
        due: date(r.due),
        stability: num(r.stability),
        difficulty: num(r.difficulty),
        elapsedDays: num(r.elapsedDays),
        scheduledDays: num(r.scheduledDays),
        learningSteps: num(r.learningSteps),
        reps: num(r.reps),
        lapses: num(r.lapses),
        lastReview: dateOrNull(r.lastReview),
      }),
    });
  }
  return {
    userId: user.id,
    takenAt: now.toISOString(),
    studyDay,
    today: { done: num(t?.done ?? 0), again: num(t?.again ?? 0), timeMs: num(t?.timeMs ?? 0) },
    settings: schedulerSettingsOf(user),
    day: ctx,
    cards,
  };
}
