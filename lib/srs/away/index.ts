import "server-only";
import { randomUUID } from "node:crypto";
import { sqlDb, sql, type Row } from "../../db";
import type { SqlTx } from "../../db/sql";
import { bool, date, num, str, strOrNull } from "../../db/row";
import { parseInput, UserError } from "../../errors";
import { awaySchema, dayOfIsoDate, spreadBacklogSchema, undoAwaySchema } from "../../validation/away";
import { dayNumberToIsoDate, studyDayBounds, studyDayNumber, studyDayStart, type DayContext } from "../day";
import { QUEUED_SQL } from "../due";
import { retrievability } from "../scheduler";
import { cardScheduler, cardSchedulers, SAFETY_MAX_INTERVAL_DAYS, type CardSchedulers } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { restoreBatch, snapshotOf } from "../cards/actions";
import { settingsOf, type UserSettings } from "../../settings";
import { backlogDays, breakMoves, defaultSpreadDays, isBacklog, spreadCards, summarizeMoves, type Move, type MoveSummary, type SpreadCard } from "./plan";

// "I'm away" and "Back from a break" (lib/srs/away/plan.ts holds the rules). Both move review
// cards to later study days in one transaction, each move a manual card event (CardEvent kind
// "away" or "spread", one batch), so the card's history shows it, no review count or
// statistic sees it, and one undo restores every moved card that has not changed since. An
// away period is kept (AwayPeriod) so that its days are known to be away days (awayDaysOf).

export const AWAY_EVENT = "away";
export const SPREAD_EVENT = "spread";

type UserRef = Parameters<typeof settingsOf>[0];
type Candidate = SpreadCard & { row: Row };

// Review cards in the queue (not suspended, not buried, not retired) due before `before`.
async function candidates(tx: Pick<SqlTx, "all">, u: UserSettings, before: Date, now: Date): Promise<Candidate[]> {
  const ctx = dayContextOf(u);
  const rows = await tx.all({
    text: `SELECT c."id", c."state", c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays", c."learningSteps", c."reps", c."lapses",
        c."lastReview", c."suspendedAt", c."buriedUntil", c."leech", c."version", k."safety"
      FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId"
      WHERE c."userId" = ? AND k."retiredAt" IS NULL AND ${QUEUED_SQL} AND c."state" = 2 AND c."lastReview" IS NOT NULL AND c."due" < ?
      ORDER BY c."id"`,
    values: [u.id, now, before],
  });
  return rows.map((r) => ({
    id: str(r.id),
    safety: bool(r.safety),
    dueDay: studyDayNumber(date(r.due), ctx),
    lastReviewDay: studyDayNumber(date(r.lastReview), ctx),
    intervalDays: Math.max(1, num(r.scheduledDays)),
    row: r,
  }));
}

type PlannedMove = Move & { row: Row; newDue: Date; recallBefore: number; recallAfter: number };

// Each move with its new due date (the start of its study day) and the card's expected recall
// when it comes up, on time (now, for a card already overdue) and as moved, by the learner's
// own parameters.
function withRecall(moves: Move[], byId: Map<string, Candidate>, s: CardSchedulers, ctx: DayContext, now: Date): PlannedMove[] {
  return moves.map((m) => {
    const c = byId.get(m.id)!;
    const f = cardScheduler(s, c.safety);
    const memory = { state: 2, due: date(c.row.due), stability: num(c.row.stability), lastReview: date(c.row.lastReview) };
    const newDue = studyDayStart(m.toDay, ctx);
    // "On time" for a card already overdue is now.
    const onTime = new Date(Math.max(memory.due.getTime(), now.getTime()));
    return { ...m, row: c.row, newDue, recallBefore: retrievability(f, memory, onTime), recallAfter: retrievability(f, memory, newDue) };
  });
}

async function writeMoves(tx: SqlTx, userId: string, moves: PlannedMove[], kind: string, batchId: string, now: Date): Promise<void> {
  for (const m of moves) {
    const version = num(m.row.version) + 1;
    const n = await tx.run(sql`
      UPDATE "Card" SET "due" = ${m.newDue}, "version" = ${version} WHERE "id" = ${m.id} AND "userId" = ${userId} AND "version" = ${num(m.row.version)}`);
    if (n !== 1) throw new UserError("Your cards changed while they were being moved (a review in another tab?). Nothing was changed; please try again.", 409);
    await tx.run(sql`
      INSERT INTO "CardEvent" ("id", "userId", "cardId", "batchId", "kind", "at", "before", "version")
      VALUES (${randomUUID()}, ${userId}, ${m.id}, ${batchId}, ${kind}, ${now}, ${JSON.stringify(snapshotOf(m.row))}, ${version})`);
  }
}

// ---------------------------------------------------------------- I'm away

export type AwayPlan = { startDay: number; endDay: number; spreadDays: number; summary: MoveSummary; moves: PlannedMove[] };

async function planAway(tx: Pick<SqlTx, "all">, u: UserSettings, raw: unknown, now: Date): Promise<AwayPlan> {
  const input = parseInput(awaySchema, raw);
  const ctx = dayContextOf(u);
  const today = studyDayNumber(now, ctx);
  const startDay = dayOfIsoDate(input.start);
  const endDay = dayOfIsoDate(input.end);
  if (startDay < today) throw new UserError("A break cannot start in the past: choose today or a later day.", 400);
  const overlap = await tx.all(
    sql`SELECT "id" FROM "AwayPeriod" WHERE "userId" = ${u.id} AND "undoneAt" IS NULL AND "startDay" <= ${endDay} AND "endDay" >= ${startDay}`,
  );
  if (overlap.length) throw new UserError("You are already away on some of those days. Undo that break first to change it.", 409);
  const spreadDays = input.spreadDays ?? defaultSpreadDays({ startDay, endDay });
  const cards = await candidates(tx, u, studyDayStart(endDay + 1, ctx), now);
  const { moves, kept } = breakMoves(cards, { startDay, endDay, spreadDays }, today, SAFETY_MAX_INTERVAL_DAYS);
  const planned = withRecall(moves, new Map(cards.map((c) => [c.id, c])), cardSchedulers(schedulerSettingsOf(u)), ctx, now);
  return { startDay, endDay, spreadDays, summary: summarizeMoves(planned, kept.length), moves: planned };
}

export type AwayPreview = { start: string; end: string; spreadDays: number; summary: MoveSummary };

const previewOf = (p: AwayPlan): AwayPreview => ({
  start: dayNumberToIsoDate(p.startDay),
  end: dayNumberToIsoDate(p.endDay),
  spreadDays: p.spreadDays,
  summary: p.summary,
});

// What naming these days away would do, without changing anything.
export async function previewAway(user: UserRef, raw: unknown, now = new Date()): Promise<AwayPreview> {
  const u = await settingsOf(user);
  return previewOf(await planAway(sqlDb, u, raw, now));
}

// Records the break and moves its cards, in one transaction (planned inside it, so that a
// review made meanwhile is not overwritten).
export async function setAway(user: UserRef, raw: unknown, now = new Date()): Promise<AwayPreview & { periodId: string }> {
  const u = await settingsOf(user);
  return sqlDb.transaction(async (tx) => {
    const p = await planAway(tx, u, raw, now);
    const batchId = p.moves.length ? randomUUID() : null;
    if (batchId) await writeMoves(tx, u.id, p.moves, AWAY_EVENT, batchId, now);
    const periodId = randomUUID();
    await tx.run(sql`
      INSERT INTO "AwayPeriod" ("id", "userId", "startDay", "endDay", "spreadDays", "moved", "batchId", "createdAt")
      VALUES (${periodId}, ${u.id}, ${p.startDay}, ${p.endDay}, ${p.spreadDays}, ${p.moves.length}, ${batchId}, ${now})`);
    return { ...previewOf(p), periodId };
  });
}

export type AwayPeriodView = { id: string; start: string; end: string; moved: number };

// The learner's breaks not undone that have not ended yet, soonest first.
export async function listAwayPeriods(user: UserRef, now = new Date()): Promise<AwayPeriodView[]> {
  const u = await settingsOf(user);
  const today = studyDayNumber(now, dayContextOf(u));
  const rows = await sqlDb.all(
    sql`SELECT "id", "startDay", "endDay", "moved" FROM "AwayPeriod" WHERE "userId" = ${u.id} AND "undoneAt" IS NULL AND "endDay" >= ${today} ORDER BY "startDay", "id"`,
  );
  return rows.map((r) => ({ id: str(r.id), start: dayNumberToIsoDate(num(r.startDay)), end: dayNumberToIsoDate(num(r.endDay)), moved: num(r.moved) }));
}

export type UndoAwayResult = { restored: number; skipped: number };

// Takes the break back: every card it moved returns to its due date unless it changed since
// (a review), and its days are no longer away days; one transaction.
export async function undoAway(user: UserRef, raw: unknown, now = new Date()): Promise<UndoAwayResult> {
  const { periodId } = parseInput(undoAwaySchema, raw, "Nothing to undo.");
  const u = await settingsOf(user);
  return sqlDb.transaction(async (tx) => {
    const [p] = await tx.all(sql`SELECT "batchId", "undoneAt" FROM "AwayPeriod" WHERE "id" = ${periodId} AND "userId" = ${u.id}`);
    if (!p) throw new UserError("Nothing to undo.", 404);
    if (p.undoneAt != null) return { restored: 0, skipped: 0 };
    const batchId = strOrNull(p.batchId);
    const r = batchId ? await restoreBatch(tx, u.id, batchId, now) : { restored: 0, skipped: 0 };
    await tx.run(sql`UPDATE "AwayPeriod" SET "undoneAt" = ${now} WHERE "id" = ${periodId} AND "userId" = ${u.id}`);
    return { restored: r.restored, skipped: r.skipped };
  });
}

// The study days from `from` to `to` (both included, study day numbers) the learner named as
// away, ascending: a streak need not break on them.
export async function awayDaysOf(userId: string, from: number, to: number): Promise<number[]> {
  const rows = await sqlDb.all(
    sql`SELECT "startDay", "endDay" FROM "AwayPeriod" WHERE "userId" = ${userId} AND "undoneAt" IS NULL AND "startDay" <= ${to} AND "endDay" >= ${from}`,
  );
  const days = new Set<number>();
  for (const r of rows) for (let d = Math.max(from, num(r.startDay)); d <= Math.min(to, num(r.endDay)); d++) days.add(d);
  return [...days].sort((a, b) => a - b);
}

// ---------------------------------------------------------------- Back from a break

// Reviews a day on the learner's recent study days (the last 14 days they reviewed on).
async function dailyAverage(userId: string, today: number): Promise<number> {
  const r = await sqlDb.get(sql`
    SELECT COUNT(*) AS "n", COUNT(DISTINCT "reviewDay") AS "days" FROM "ReviewLog"
    WHERE "userId" = ${userId} AND "undoneAt" IS NULL AND "reviewDay" >= ${today - 14} AND "reviewDay" < ${today}`);
  const days = num(r?.days ?? 0);
  return days ? num(r?.n ?? 0) / days : 0;
}

export type BacklogOffer = { due: number; dailyAverage: number; days: number; summary: MoveSummary };

async function planBacklog(tx: Pick<SqlTx, "all">, u: UserSettings, days: number | null, now: Date) {
  const ctx = dayContextOf(u);
  const today = studyDayNumber(now, ctx);
  const cards = await candidates(tx, u, studyDayBounds(now, ctx).end, now);
  const average = await dailyAverage(u.id, today);
  const n = days ?? backlogDays(cards.length, average);
  // Today is the first day of the run: most at risk today, the least harmed last.
  const { moves, kept } = spreadCards(
    cards.map((c) => ({ ...c, dueDay: Math.max(c.dueDay, today) })),
    today,
    n,
    SAFETY_MAX_INTERVAL_DAYS,
  );
  // Shifts count from today: how much later than if the whole backlog were done now.
  const planned = withRecall(moves, new Map(cards.map((c) => [c.id, c])), cardSchedulers(schedulerSettingsOf(u)), ctx, now);
  return { due: cards.length, average, days: n, moves: planned, kept: kept.length };
}

// When today's due reviews are more than about two days' worth, what spreading them would do;
// null when they are not.
export async function backlogOffer(user: UserRef, now = new Date()): Promise<BacklogOffer | null> {
  const u = await settingsOf(user);
  const p = await planBacklog(sqlDb, u, null, now);
  if (!isBacklog(p.due, p.average) || p.moves.length === 0) return null;
  return { due: p.due, dailyAverage: Math.round(p.average), days: p.days, summary: summarizeMoves(p.moves, p.kept) };
}

export type SpreadResult = { batchId: string | null; summary: MoveSummary };

// Spreads today's due reviews over `days` days from today, in one transaction; undone with
// the card actions' undo (undoCardAction with the batch id).
export async function spreadBacklog(user: UserRef, raw: unknown, now = new Date()): Promise<SpreadResult> {
  const { days } = parseInput(spreadBacklogSchema, raw);
  const u = await settingsOf(user);
  return sqlDb.transaction(async (tx) => {
    const p = await planBacklog(tx, u, days, now);
    const batchId = p.moves.length ? randomUUID() : null;
    if (batchId) await writeMoves(tx, u.id, p.moves, SPREAD_EVENT, batchId, now);
    return { batchId, summary: summarizeMoves(p.moves, p.kept) };
  });
}
