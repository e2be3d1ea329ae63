import "server-only";
import { randomUUID } from "node:crypto";
import { sqlDb, sql } from "../db";
import { bool, date, num, str, strOrNull } from "../db/row";
import { windowFromJson } from "./load-balance";
import { UserError } from "../errors";
import { cardFields, cardFieldsOfRow, cardStateOf, type CardFields } from "./card-rows";
import { studyDayNumber } from "./day";
import { rescheduledCard, type HistoryEntry } from "./scheduler";
import { cardScheduler, cardSchedulers } from "./safety";
import { dayContextOf, schedulerSettingsOf } from "./settings";
import { summarizeShifts, type RescheduleSummary } from "./reschedule-summary";
import { settingsOf } from "../settings";

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

async function plan(userId: string, tx: { all: typeof sqlDb.all } = sqlDb): Promise<Plan> {
  const user = await settingsOf(userId);
  // Safety cards are replayed with their own parameters (lib/srs/safety.ts).
  const s = cardSchedulers(schedulerSettingsOf(user));
  const ctx = dayContextOf(user);
  // One after the other: inside a transaction both run on its one connection.
  const cards = await tx.all(sql`
    SELECT c."id", c."version", c."state", c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays", c."learningSteps", c."reps", c."lapses", c."lastReview", k."safety"
    FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId" WHERE c."userId" = ${userId} AND c."state" <> 0 ORDER BY c."id"`);
  const logs = await tx.all(
    sql`SELECT l."cardId", l."rating", l."review", l."balance" FROM "ReviewLog" l WHERE l."userId" = ${userId} AND l."undoneAt" IS NULL ORDER BY l."cardId", l."review", l."id"`,
  );
  // Each card's last reset: its schedule is replayed from there.
  const resets = await tx.all(
    sql`SELECT e."cardId", MAX(e."at") AS "at" FROM "CardEvent" e WHERE e."userId" = ${userId} AND e."kind" = 'forget' AND e."undoneAt" IS NULL GROUP BY e."cardId"`,
  );
  const lastReset = new Map(resets.map((r) => [str(r.cardId), date(r.at)]));
  // Cards moved by a break or a spread backlog (lib/srs/away) not undone: the latest such move.
  const moved = await tx.all(
    sql`SELECT e."cardId", MAX(e."at") AS "at" FROM "CardEvent" e WHERE e."userId" = ${userId} AND e."kind" IN ('away', 'spread') AND e."undoneAt" IS NULL GROUP BY e."cardId"`,
  );
  const lastMoved = new Map(moved.map((r) => [str(r.cardId), date(r.at)]));
  const history = new Map<string, HistoryEntry[]>();
  for (const l of logs) {
    const id = str(l.cardId);
    let h = history.get(id);
    if (!h) history.set(id, (h = []));
    // Each review replays with the load its even-days pick read then (ReviewLog.balance).
    h.push({ rating: num(l.rating), review: date(l.review), balance: windowFromJson(strOrNull(l.balance)) });
  }
  const changes: Change[] = [];
  const shifts: number[] = [];
  let reviewed = 0;
  for (const r of cards) {
    const id = str(r.id);
    const before = cardFieldsOfRow(r);
    const next = rescheduledCard(cardScheduler(s, bool(r.safety)), cardStateOf(id, before), history.get(id) ?? [], lastReset.get(id) ?? null);
    if (!next) continue;
    reviewed++;
    let after = cardFields(next);
    // A card moved by a break or a spread backlog since its last review keeps that day: the
    // learner is away then (only its memory state follows the parameters).
    const movedAt = lastMoved.get(id);
    if (movedAt && (!before.lastReview || movedAt.getTime() >= before.lastReview.getTime()))
      after = { ...after, due: before.due, scheduledDays: before.scheduledDays, elapsedDays: before.elapsedDays };
    if (sameFields(before, after)) continue;
    changes.push({ id, version: num(r.version), before, after });
    shifts.push(studyDayNumber(after.due, ctx) - studyDayNumber(before.due, ctx));
  }
  return { summary: summarizeShifts(reviewed, changes.length, shifts), changes };
}

export type RescheduleStatus = { personal: boolean; canUndo: boolean; lastAt: string | null; lastMoved: number };

export async function previewReschedule(userId: string): Promise<RescheduleSummary> {
  return (await plan(userId)).summary;
}

export async function rescheduleStatus(userId: string): Promise<RescheduleStatus> {
  const [last, user] = await Promise.all([
    sqlDb.get(sql`SELECT "createdAt", "undoneAt", "moved" FROM "RescheduleSnapshot" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`),
    sqlDb.get(sql`SELECT "fsrsWeights" FROM "User" WHERE "id" = ${userId}`),
  ]);
  return {
    personal: user?.fsrsWeights != null,
    canUndo: !!last && last.undoneAt == null,
    lastAt: last ? date(last.createdAt).toISOString() : null,
    lastMoved: last ? num(last.moved) : 0,
  };
}

// Computes and writes in one transaction (so a review made meanwhile cannot be overwritten by
// a plan made before it), keeping the snapshot for Undo.
export async function applyReschedule(userId: string, now = new Date()): Promise<RescheduleSummary> {
  return sqlDb.transaction(async (tx) => {
    const { summary, changes } = await plan(userId, tx);
    if (!changes.length) return summary;
    const snapshot = changes.map((c) => ({ id: c.id, version: c.version + 1, before: c.before }));
    for (const c of changes) {
      const a = c.after;
      const n = await tx.run(sql`
        UPDATE "Card" SET "due" = ${a.due}, "stability" = ${a.stability}, "difficulty" = ${a.difficulty}, "scheduledDays" = ${a.scheduledDays},
          "elapsedDays" = ${a.elapsedDays}, "version" = ${c.version + 1}
        WHERE "id" = ${c.id} AND "userId" = ${userId} AND "version" = ${c.version}`);
      if (n !== 1) throw new UserError("Your cards changed while rescheduling (a review in another tab?). Nothing was changed; please try again.", 409);
    }
    await tx.run(
      sql`INSERT INTO "RescheduleSnapshot" ("id", "userId", "createdAt", "moved", "cards") VALUES (${randomUUID()}, ${userId}, ${now}, ${summary.moved}, ${JSON.stringify(snapshot)})`,
    );
    return summary;
  });
}

type Snap = { id: string; version: number; before: Omit<CardFields, "due" | "lastReview"> & { due: string; lastReview: string | null } };

export type UndoRescheduleResult = { restored: number; keptReviewed: number };

// Restores every card of the latest reschedule that has not changed since (a card reviewed
// since keeps its review); the snapshot is marked undone, never deleted twice.
export async function undoReschedule(userId: string, now = new Date()): Promise<UndoRescheduleResult> {
  return sqlDb.transaction(async (tx) => {
    const [last] = await tx.all(
      sql`SELECT "id", "undoneAt", "cards" FROM "RescheduleSnapshot" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
    );
    if (!last || last.undoneAt != null) throw new UserError("There is no rescheduling to undo.", 409);
    let restored = 0;
    const cards = JSON.parse(str(last.cards)) as Snap[];
    for (const c of cards) {
      const b = c.before;
      restored += await tx.run(sql`
        UPDATE "Card" SET "due" = ${new Date(b.due)}, "stability" = ${b.stability}, "difficulty" = ${b.difficulty}, "scheduledDays" = ${b.scheduledDays},
          "elapsedDays" = ${b.elapsedDays}, "version" = "version" + 1
        WHERE "id" = ${c.id} AND "userId" = ${userId} AND "version" = ${c.version}`);
    }
    await tx.run(sql`UPDATE "RescheduleSnapshot" SET "undoneAt" = ${now} WHERE "id" = ${str(last.id)} AND "userId" = ${userId}`);
    return { restored, keptReviewed: cards.length - restored };
  });
}
