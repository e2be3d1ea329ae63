import "server-only";
import { State } from "ts-fsrs";
import { sqlDb, sql } from "../../db";
import { bool, date, dateOrNull, num, str } from "../../db/row";
import { cardView, type CardView } from "../../content/catalogue";
import { UserError } from "../../errors";
import { createScheduler, retrievability } from "../scheduler";
import { schedulerSettingsOf } from "../settings";
import { settingsOf } from "../../settings";

// One card's whole history for its info page: every review (undone ones included, marked as
// such) and every manual action, in time order, with the memory state at each review.

export type HistoryEntry =
  | {
      type: "review";
      at: string;
      rating: number;
      // The card's state before the review, as ts-fsrs logs it.
      state: number;
      // What the review gave: the time until the next due date, and the stability after.
      intervalMs: number;
      scheduledDays: number;
      stabilityBefore: number;
      stabilityAfter: number;
      difficulty: number;
      // Recall probability at the moment of the review (null for a new card), with the
      // learner's own parameters.
      retrievability: number | null;
      durationMs: number;
      undone: boolean;
    }
  | { type: "manual"; at: string; kind: string; undone: boolean };

export type CardInfo = {
  id: string;
  view: CardView | null;
  catalogCardId: string;
  addedAt: string;
  state: number;
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
  retrievability: number | null;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
  retired: boolean;
  timeZone: string;
  history: HistoryEntry[];
};

export async function getCardInfo(userOrId: Parameters<typeof settingsOf>[0], cardId: string, now = new Date()): Promise<CardInfo> {
  const user = await settingsOf(userOrId);
  const [card, logs, events] = await Promise.all([
    sqlDb.get(sql`
      SELECT c."id", c."catalogCardId", c."addedAt", c."state", c."due", c."stability", c."difficulty", c."scheduledDays", c."reps", c."lapses",
        c."lastReview", c."suspendedAt", c."buriedUntil", c."leech", k."retiredAt"
      FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId" WHERE c."id" = ${cardId} AND c."userId" = ${user.id}`),
    sqlDb.all(sql`
      SELECT "review", "rating", "state", "stability", "difficulty", "elapsedDays", "nextDue", "nextScheduledDays", "nextStability", "durationMs", "undoneAt", "due", "prevLastReview"
      FROM "ReviewLog" WHERE "cardId" = ${cardId} AND "userId" = ${user.id} ORDER BY "review", "id"`),
    sqlDb.all(sql`SELECT "at", "kind", "undoneAt" FROM "CardEvent" WHERE "cardId" = ${cardId} AND "userId" = ${user.id} ORDER BY "at", "id"`),
  ]);
  if (!card) throw new UserError("No such card in your deck.", 404);
  const f = createScheduler(schedulerSettingsOf(user));
  const history: HistoryEntry[] = [
    ...logs.map((l): HistoryEntry => {
      const at = date(l.review);
      const state = num(l.state);
      const lastReview = dateOrNull(l.prevLastReview);
      const stability = num(l.stability);
      return {
        type: "review",
        at: at.toISOString(),
        rating: num(l.rating),
        state,
        intervalMs: date(l.nextDue).getTime() - at.getTime(),
        scheduledDays: num(l.nextScheduledDays),
        stabilityBefore: stability,
        stabilityAfter: num(l.nextStability),
        difficulty: num(l.difficulty),
        retrievability: state === State.New || !lastReview || stability <= 0 ? null : retrievability(f, { state, due: date(l.due), stability, lastReview }, at),
        durationMs: num(l.durationMs),
        undone: l.undoneAt != null,
      };
    }),
    ...events.map((e): HistoryEntry => ({ type: "manual", at: date(e.at).toISOString(), kind: str(e.kind), undone: e.undoneAt != null })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  const state = num(card.state);
  const lastReview = dateOrNull(card.lastReview);
  const stability = num(card.stability);
  const buriedUntil = dateOrNull(card.buriedUntil);
  return {
    id: str(card.id),
    view: cardView(str(card.catalogCardId)) ?? null,
    catalogCardId: str(card.catalogCardId),
    addedAt: date(card.addedAt).toISOString(),
    state,
    due: date(card.due).toISOString(),
    stability,
    difficulty: num(card.difficulty),
    scheduledDays: num(card.scheduledDays),
    reps: num(card.reps),
    lapses: num(card.lapses),
    lastReview: lastReview?.toISOString() ?? null,
    retrievability: state === State.New || !lastReview || stability <= 0 ? null : retrievability(f, { state, due: date(card.due), stability, lastReview }, now),
    suspended: card.suspendedAt != null,
    buried: buriedUntil != null && buriedUntil.getTime() > now.getTime(),
    leech: bool(card.leech),
    retired: card.retiredAt != null,
    timeZone: user.timeZone,
    history,
  };
}
