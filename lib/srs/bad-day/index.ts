import "server-only";
import { randomUUID } from "node:crypto";
import { kdb, transaction } from "../../db";
import { UserError } from "../../errors";
import type { CheckInInput } from "../../validation/check-in";
import { studyDayBounds, studyDayNumber } from "../day";
import { CARD_FIELD_COLUMNS, dueBefore, queuedCards } from "../card-queries";
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
  const r = await kdb
    .selectFrom("BackCheckIn as ci")
    .select((e) => [
      "ci.score",
      "ci.flare",
      "ci.badDay",
      "ci.sessionCards",
      "ci.postponed",
      "ci.postponeBatchId",
      e
        .selectFrom("CardEvent as e")
        .select((f) => f.fn.countAll().as("n"))
        .where("e.userId", "=", userId)
        .whereRef("e.batchId", "=", "ci.postponeBatchId")
        .where("e.undoneAt", "is", null)
        .as("live"),
    ])
    .where("ci.userId", "=", userId)
    .where("ci.studyDay", "=", studyDay)
    .executeTakeFirst();
  if (!r) return null;
  return {
    studyDay,
    skipped: r.score == null && !r.flare,
    score: r.score,
    flare: r.flare,
    badDay: r.badDay,
    sessionCards: r.sessionCards,
    postponed: Number(r.live ?? 0),
    postponedAtFirst: r.postponed,
    batchId: r.postponeBatchId,
  };
}

// Today's check-in, or null when the question has not been asked (or skipped) today.
export async function getTodayCheckIn(user: UserRef, now = new Date()): Promise<CheckIn | null> {
  const u = await settingsOf(user);
  return readCheckIn(u.id, studyDayNumber(now, dayContextOf(u)));
}

// Records today's answer (or its skipping) once: a second answer the same study day changes
// nothing and returns the first. A bad day postpones cards in the same transaction.
export async function recordCheckIn(user: UserRef, input: CheckInInput, now = new Date()): Promise<CheckIn> {
  const u = await settingsOf(user);
  const ctx = dayContextOf(u);
  const studyDay = studyDayNumber(now, ctx);
  const score = input.skip ? null : input.score;
  const flare = input.skip ? false : input.flare;
  const bad = isBadDay({ score, flare });
  const tomorrow = studyDayBounds(now, ctx).end;
  const schedulers = cardSchedulers(schedulerSettingsOf(u));

  await transaction(async (tx) => {
    const existing = await tx.selectFrom("BackCheckIn").select("id").where("userId", "=", u.id).where("studyDay", "=", studyDay).executeTakeFirst();
    if (existing) return;
    let sessionCards = 0;
    let postponed = 0;
    let batchId: string | null = null;
    if (bad) {
      const durations = await tx
        .selectFrom("ReviewLog")
        .select("durationMs")
        .where("userId", "=", u.id)
        .where("undoneAt", "is", null)
        .where("durationMs", ">", 0)
        .orderBy("review", "desc")
        .limit(ANSWER_TIME_SAMPLE)
        .execute();
      const cap = sessionCap(median(durations.map((d) => d.durationMs)));
      const rows = await queuedCards(tx, u.id, now)
        .where(dueBefore(tomorrow))
        .select(["c.id", ...CARD_FIELD_COLUMNS, "c.suspendedAt", "c.buriedUntil", "c.leech", "c.version", "k.safety", "k.quickRelief"])
        .execute();
      // The damage of waiting: recall now minus recall at the same time on the next day.
      const dayLater = new Date(now.getTime() + 86_400_000);
      const due = rows.map((r) => {
        const s = cardScheduler(schedulers, r.safety);
        const drop = retrievability(s, r, now) - retrievability(s, r, dayLater);
        return { id: r.id, safety: r.safety, quickRelief: r.quickRelief, due: r.due, drop, row: r } satisfies DueToday & { row: unknown };
      });
      const plan = planBadDay(due, cap);
      sessionCards = plan.keep.length;
      if (plan.postpone.length) {
        batchId = randomUUID();
        for (const c of plan.postpone) {
          const version = c.row.version + 1;
          const n = await tx
            .updateTable("Card")
            .set({ due: tomorrow, version })
            .where("id", "=", c.id)
            .where("userId", "=", u.id)
            .where("version", "=", c.row.version)
            .executeTakeFirst();
          if (n.numUpdatedRows !== 1n)
            throw new UserError("Your cards changed while the session was being shortened (a review in another tab?). Please try again.", 409);
          await tx
            .insertInto("CardEvent")
            .values({
              id: randomUUID(),
              userId: u.id,
              cardId: c.id,
              batchId,
              kind: POSTPONE_EVENT,
              at: now,
              before: JSON.stringify(snapshotOf(c.row)),
              version,
            })
            .execute();
        }
        postponed = plan.postpone.length;
      }
    }
    await tx
      .insertInto("BackCheckIn")
      .values({ id: randomUUID(), userId: u.id, studyDay, score, flare, badDay: bad, sessionCards, postponed, postponeBatchId: batchId, createdAt: now })
      .execute();
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
