import "server-only";
import { randomUUID } from "node:crypto";
import { kdb, transaction, type Db } from "../db";
import { CARD_FIELD_COLUMNS, studied } from "./card-queries";
import { windowFromJson } from "./load-balance";
import { UserError } from "../errors";
import { cardFields, cardStateOf, type CardFields } from "./card-rows";
import { studyDayNumber } from "./day";
import type { Scheduler } from "./scheduler";
import { rescheduledCard, type PastReview } from "./replay";
import { cardScheduler, cardSchedulers } from "./safety";
import { dayContextOf, schedulerSettingsOf } from "./settings";
import { summarizeShifts, type MoveCause, type RescheduleSummary } from "./reschedule-summary";
import { moveCause } from "./move-cause";
import { settingsOf, type SettingsRef } from "../settings";
import { SETTINGS_LIMITS } from "../settings/limits";

// "Reschedule my cards" after new parameters (applied or restored): every reviewed card's
// history since its last reset is replayed with the user's current parameters (scheduler.ts
// rescheduledCard) and the cards it changes are written in one transaction, with a snapshot of
// what they were so that Undo restores them in one step. Preview computes the same without writing.

type Change = { id: string; version: number; before: CardFields; after: CardFields };
type Plan = { summary: RescheduleSummary; changes: Change[] };

const sameFields = (a: CardFields, b: CardFields) =>
  a.due.getTime() === b.due.getTime() &&
  a.stability === b.stability &&
  a.difficulty === b.difficulty &&
  a.scheduledDays === b.scheduledDays &&
  a.elapsedDays === b.elapsedDays;

async function plan(userId: string, tx: Db = kdb): Promise<Plan> {
  const user = await settingsOf(userId);
  const settings = schedulerSettingsOf(user);
  // Safety cards are replayed with their own parameters (lib/srs/safety.ts).
  const s = cardSchedulers(settings);
  // The same without the learner's maximum interval (the safety group keeps its own 90 days, which
  // no setting changed): a replay through these tells whether the cap moved a card (moveCause).
  const uncapped = cardSchedulers({ ...settings, maximumInterval: SETTINGS_LIMITS.maximumInterval.max });
  const ctx = dayContextOf(user);
  // One after the other: inside a transaction both run on its one connection.
  const cards = await tx
    .selectFrom("Card as c")
    .innerJoin("CatalogCard as k", "k.id", "c.catalogCardId")
    .select(["c.id", "c.version", ...CARD_FIELD_COLUMNS, "k.safety"])
    .where("c.userId", "=", userId)
    .where(studied())
    .orderBy("c.id")
    .execute();
  const logs = await tx
    .selectFrom("ReviewLog as l")
    .select(["l.cardId", "l.rating", "l.review", "l.balance"])
    .where("l.userId", "=", userId)
    .where("l.undoneAt", "is", null)
    .orderBy("l.cardId")
    .orderBy("l.review")
    .orderBy("l.id")
    .execute();
  // The latest live event of each card among `kinds`.
  const latestEvent = (kinds: string[]) =>
    tx
      .selectFrom("CardEvent as e")
      .select((e) => ["e.cardId", e.fn.max("e.at").as("at")])
      .where("e.userId", "=", userId)
      .where("e.kind", "in", kinds)
      .where("e.undoneAt", "is", null)
      .groupBy("e.cardId")
      .execute();
  // Each card's last reset: its schedule is replayed from there.
  const resets = await latestEvent(["forget"]);
  const lastReset = new Map(resets.map((r) => [r.cardId, r.at]));
  // Cards moved by a break or a spread backlog (lib/srs/away) not undone: the latest such move.
  const moved = await latestEvent(["away", "spread"]);
  const lastMoved = new Map(moved.map((r) => [r.cardId, r.at]));
  const history = new Map<string, PastReview[]>();
  for (const l of logs) {
    const id = l.cardId;
    let h = history.get(id);
    if (!h) history.set(id, (h = []));
    // Each review replays with the load its even-days pick read then (ReviewLog.balance).
    h.push({ rating: l.rating, review: l.review, balance: windowFromJson(l.balance) });
  }
  const changes: Change[] = [];
  const shifts: number[] = [];
  const causes: MoveCause[] = [];
  let reviewed = 0;
  for (const r of cards) {
    const id = r.id;
    const before = cardFields(r);
    const scheduler = cardScheduler(s, r.safety);
    const replay = (sch: Scheduler) => rescheduledCard(sch, cardStateOf(id, before), history.get(id) ?? [], lastReset.get(id) ?? null);
    const next = replay(scheduler);
    if (!next) continue;
    reviewed++;
    let after = cardFields(next);
    // A card moved by a break or a spread backlog since its last review keeps that day: the
    // learner is away then (only its memory state follows the parameters).
    const movedAt = lastMoved.get(id);
    if (movedAt && (!before.lastReview || movedAt.getTime() >= before.lastReview.getTime()))
      after = { ...after, due: before.due, scheduledDays: before.scheduledDays, elapsedDays: before.elapsedDays };
    if (sameFields(before, after)) continue;
    changes.push({ id, version: r.version, before, after });
    shifts.push(studyDayNumber(after.due, ctx) - studyDayNumber(before.due, ctx));
    const uncappedDays = () => replay(cardScheduler(uncapped, r.safety))?.scheduledDays ?? after.scheduledDays;
    causes.push(moveCause(before, after, scheduler.fsrs.parameters.maximum_interval, uncappedDays));
  }
  return { summary: summarizeShifts(reviewed, changes.length, shifts, causes), changes };
}

// The user's latest reschedule, undone or not.
const latestSnapshot = (db: Db, userId: string) =>
  db.selectFrom("RescheduleSnapshot").where("userId", "=", userId).orderBy("createdAt", "desc").orderBy("id", "desc").limit(1);

export type RescheduleStatus = { personal: boolean; canUndo: boolean; lastAt: string | null; lastMoved: number };

export async function previewReschedule(userId: string): Promise<RescheduleSummary> {
  return (await plan(userId)).summary;
}

export async function rescheduleStatus(userRef: SettingsRef): Promise<RescheduleStatus> {
  const user = await settingsOf(userRef);
  const last = await latestSnapshot(kdb, user.id).select(["createdAt", "undoneAt", "moved"]).executeTakeFirst();
  return {
    personal: user.fsrsWeights != null,
    canUndo: !!last && last.undoneAt == null,
    lastAt: last ? last.createdAt.toISOString() : null,
    lastMoved: last?.moved ?? 0,
  };
}

// Computes and writes in one transaction (so a review made meanwhile cannot be overwritten by
// a plan made before it), keeping the snapshot for Undo.
export async function applyReschedule(userId: string, now = new Date()): Promise<RescheduleSummary> {
  return transaction(async (tx) => {
    const { summary, changes } = await plan(userId, tx);
    if (!changes.length) return summary;
    const snapshot = changes.map((c) => ({ id: c.id, version: c.version + 1, before: c.before }));
    for (const c of changes) {
      const a = c.after;
      const n = await tx
        .updateTable("Card")
        .set({
          due: a.due,
          stability: a.stability,
          difficulty: a.difficulty,
          scheduledDays: a.scheduledDays,
          elapsedDays: a.elapsedDays,
          version: c.version + 1,
        })
        .where("id", "=", c.id)
        .where("userId", "=", userId)
        .where("version", "=", c.version)
        .executeTakeFirst();
      if (n.numUpdatedRows !== 1n)
        throw new UserError("Your cards changed while rescheduling (a review in another tab?). Nothing was changed; please try again.", 409);
    }
    await tx
      .insertInto("RescheduleSnapshot")
      .values({ id: randomUUID(), userId, createdAt: now, moved: summary.moved, cards: JSON.stringify(snapshot) })
      .execute();
    return summary;
  });
}

type Snap = { id: string; version: number; before: Omit<CardFields, "due" | "lastReview"> & { due: string; lastReview: string | null } };

export type UndoRescheduleResult = { restored: number; keptReviewed: number };

// Restores every card of the latest reschedule that has not changed since (a card reviewed
// since keeps its review); the snapshot is marked undone, never deleted twice.
export async function undoReschedule(userId: string, now = new Date()): Promise<UndoRescheduleResult> {
  return transaction(async (tx) => {
    const last = await latestSnapshot(tx, userId).select(["id", "undoneAt", "cards"]).executeTakeFirst();
    if (!last || last.undoneAt != null) throw new UserError("There is no rescheduling to undo.", 409);
    let restored = 0;
    const cards = JSON.parse(last.cards) as Snap[];
    for (const c of cards) {
      const b = c.before;
      const n = await tx
        .updateTable("Card")
        .set((e) => ({
          due: new Date(b.due),
          stability: b.stability,
          difficulty: b.difficulty,
          scheduledDays: b.scheduledDays,
          elapsedDays: b.elapsedDays,
          version: e("version", "+", 1),
        }))
        .where("id", "=", c.id)
        .where("userId", "=", userId)
        .where("version", "=", c.version)
        .executeTakeFirst();
      restored += Number(n.numUpdatedRows);
    }
    await tx.updateTable("RescheduleSnapshot").set({ undoneAt: now }).where("id", "=", last.id).where("userId", "=", userId).execute();
    return { restored, keptReviewed: cards.length - restored };
  });
}
