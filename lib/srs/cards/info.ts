import "server-only";
import { Rating, State } from "ts-fsrs";
import { kdb } from "../../db";
import { cardView, type CardView } from "../../content/catalogue";
import { UserError } from "../../errors";
import { createScheduler, retrievability } from "../scheduler";
import { schedulerSettingsOf } from "../settings";
import { userCards } from "../card-queries";
import { settingsOf } from "../../settings";

// One card's whole history for its info page: every review (undone ones included, marked as
// such) and every manual action, in time order, with the memory state at each review.

export type HistoryEntry =
  | {
      type: "review";
      at: string;
      rating: Rating;
      // The card's state before the review, as ts-fsrs logs it.
      state: State;
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
  state: State;
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
    userCards(kdb, user.id)
      .select([
        "c.id",
        "c.catalogCardId",
        "c.addedAt",
        "c.state",
        "c.due",
        "c.stability",
        "c.difficulty",
        "c.scheduledDays",
        "c.reps",
        "c.lapses",
        "c.lastReview",
        "c.suspendedAt",
        "c.buriedUntil",
        "c.leech",
        "k.retiredAt",
      ])
      .where("c.id", "=", cardId)
      .executeTakeFirst(),
    kdb
      .selectFrom("ReviewLog")
      .select([
        "review",
        "rating",
        "state",
        "stability",
        "difficulty",
        "elapsedDays",
        "nextDue",
        "nextScheduledDays",
        "nextStability",
        "durationMs",
        "undoneAt",
        "due",
        "prevLastReview",
      ])
      .where("cardId", "=", cardId)
      .where("userId", "=", user.id)
      .orderBy("review")
      .orderBy("id")
      .execute(),
    kdb
      .selectFrom("CardEvent")
      .select(["at", "kind", "undoneAt"])
      .where("cardId", "=", cardId)
      .where("userId", "=", user.id)
      .orderBy("at")
      .orderBy("id")
      .execute(),
  ]);
  if (!card) throw new UserError("No such card in your deck.", 404);
  const f = createScheduler(schedulerSettingsOf(user));
  const history: HistoryEntry[] = [
    ...logs.map((l): HistoryEntry => {
      const at = l.review;
      const { state, stability, prevLastReview: lastReview } = l;
      return {
        type: "review",
        at: at.toISOString(),
        rating: l.rating,
        state,
        intervalMs: l.nextDue.getTime() - at.getTime(),
        scheduledDays: l.nextScheduledDays,
        stabilityBefore: stability,
        stabilityAfter: l.nextStability,
        difficulty: l.difficulty,
        retrievability: state === State.New || !lastReview || stability <= 0 ? null : retrievability(f, { state, due: l.due, stability, lastReview }, at),
        durationMs: l.durationMs,
        undone: l.undoneAt != null,
      };
    }),
    ...events.map((e): HistoryEntry => ({ type: "manual", at: e.at.toISOString(), kind: e.kind, undone: e.undoneAt != null })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  const { state, lastReview, stability, buriedUntil } = card;
  return {
    id: card.id,
    view: cardView(card.catalogCardId) ?? null,
    catalogCardId: card.catalogCardId,
    addedAt: card.addedAt.toISOString(),
    state,
    due: card.due.toISOString(),
    stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: lastReview?.toISOString() ?? null,
    retrievability: state === State.New || !lastReview || stability <= 0 ? null : retrievability(f, { state, due: card.due, stability, lastReview }, now),
    suspended: card.suspendedAt != null,
    buried: buriedUntil != null && buriedUntil.getTime() > now.getTime(),
    leech: card.leech,
    retired: card.retiredAt != null,
    timeZone: user.timeZone,
    history,
  };
}
