import "server-only";
import { State } from "ts-fsrs";
import { kdb } from "../../db";
import { cardView } from "../../content/catalogue";
import { studyDayNumber } from "../day";
import { dueCutoff } from "../due";
import { CARD_FIELD_COLUMNS, dueBefore, inState, queuedCards } from "../card-queries";
import { cardFields } from "../card-rows";
import { dailyAllowance } from "../limits";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { toWire, type OfflineSnapshot, type SnapshotCard } from "../offline/snapshot";
import { todayTally } from "./queue";
import type { UserSettings } from "../../settings";

// The study day's queue for the browser's offline copy (lib/srs/offline/snapshot.ts): every
// card due before the end of the study day (learning steps due later today included), the
// new cards that the day's remaining new-card limit allows, in the queue's order, with their
// content, and the learner's parameters. Only the session's own cards are read. As on /review,
// suspended and buried cards are left out and the daily limits (lib/srs/limits.ts) apply.
const queuedRows = (userId: string, now: Date) =>
  queuedCards(kdb, userId, now).select(["c.id", "c.catalogCardId", "c.version", ...CARD_FIELD_COLUMNS, "c.leech", "k.safety"]);

export async function offlineSnapshot(user: UserSettings, now = new Date()): Promise<OfflineSnapshot> {
  const ctx = dayContextOf(user);
  const studyDay = studyDayNumber(now, ctx);
  const t = await todayTally(kdb, user.id, studyDay)
    .select((e) => e.selectFrom("BackCheckIn as ci").select("ci.badDay").where("ci.userId", "=", user.id).where("ci.studyDay", "=", studyDay).as("badDay"))
    .executeTakeFirst();
  const [allDue, allFresh] = await Promise.all([
    queuedRows(user.id, now)
      .where(dueBefore(dueCutoff(now, ctx)))
      .orderBy("c.due")
      .orderBy("c.id")
      .execute(),
    queuedRows(user.id, now).where(inState(State.New)).orderBy("c.due").orderBy("k.position").limit(user.newCardsPerDay).execute(),
  ]);
  const isReview = (r: { state: number }) => r.state === State.Review;
  const allow = dailyAllowance({
    newPerDay: user.newCardsPerDay,
    reviewsPerDay: user.reviewsPerDay,
    introduced: Number(t?.introduced ?? 0),
    reviewed: Number(t?.reviewed ?? 0),
    reviewDue: allDue.filter(isReview).length,
    newAvailable: allFresh.length,
  });
  // Learning steps are never capped; reviews and new cards only up to today's allowance.
  let reviewsLeft = allow.reviews;
  const due = allDue.filter((r) => !isReview(r) || reviewsLeft-- > 0);
  // A bad day (lib/srs/bad-day) brings no new cards, offline as online.
  const fresh = t?.badDay ? [] : allFresh.slice(0, allow.fresh);
  const cards: SnapshotCard[] = [];
  for (const r of [...due, ...fresh]) {
    const view = cardView(r.catalogCardId);
    if (!view) continue;
    cards.push({ cardId: r.id, version: r.version, leech: r.leech, safety: r.safety, view, fields: toWire(cardFields(r)) });
  }
  return {
    userId: user.id,
    takenAt: now.toISOString(),
    studyDay,
    today: { done: Number(t?.done ?? 0), again: Number(t?.again ?? 0), timeMs: Number(t?.timeMs ?? 0) },
    settings: schedulerSettingsOf(user),
    day: ctx,
    evenDays: user.loadBalance,
    cards,
  };
}
