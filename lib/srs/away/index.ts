import "server-only";
import { randomUUID } from "node:crypto";
import { State } from "ts-fsrs";
import { kdb, kyselyOn, sqlDb, transaction, type Db } from "../../db";
import { UserError } from "../../errors";
import { dayOfIsoDate, type AwayInput, type SpreadBacklogInput, type UndoAwayInput } from "../../validation/away";
import { dayNumberToIsoDate, studyDayBounds, studyDayNumber, studyDayStart, type DayContext } from "../day";
import { studyClockMs } from "../study-clock";
import { CARD_FIELD_COLUMNS, inState, queuedCards } from "../card-queries";
import { recallAt } from "../scheduler";

const DAY_MS = 86_400_000;
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

// Review cards in the queue (not suspended, not buried, not retired) due before `before`.
const candidateCards = (tx: Db, userId: string, before: Date, now: Date) =>
  queuedCards(tx, userId, now).where(inState(State.Review)).where("c.lastReview", "is not", null).where("c.due", "<", before);
// What planning and the offer's summary read of each; moving a card reads the rest (its snapshot).
const PLAN_COLUMNS = ["c.id", "c.due", "c.stability", "c.scheduledDays", "c.lastReview", "k.safety"] as const;
const leanRows = (tx: Db, userId: string, before: Date, now: Date) =>
  candidateCards(tx, userId, before, now).select(PLAN_COLUMNS).$narrowType<{ lastReview: Date }>();
const candidateRows = (tx: Db, userId: string, before: Date, now: Date) =>
  candidateCards(tx, userId, before, now)
    .select(["c.id", ...CARD_FIELD_COLUMNS, "c.suspendedAt", "c.buriedUntil", "c.leech", "c.version", "k.safety"])
    .$narrowType<{ lastReview: Date }>()
    .orderBy("c.id");
type PlanRow = Awaited<ReturnType<ReturnType<typeof leanRows>["execute"]>>[number];
type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidateRows>["execute"]>>[number];
type Candidate<R extends PlanRow = CandidateRow> = SpreadCard & { row: R };

// Each row with its study days. The days come from the clock's cached day starts
// (lib/srs/study-clock.ts), the same numbers as studyDayNumber without a zone look-up per date.
function candidatesOf<R extends PlanRow>(rows: R[], ctx: DayContext): Candidate<R>[] {
  return rows.map((r) => ({
    id: r.id,
    safety: r.safety,
    dueDay: studyDayNumber(r.due, ctx),
    lastReviewDay: studyDayNumber(r.lastReview, ctx),
    intervalDays: Math.max(1, r.scheduledDays),
    row: r,
  }));
}

async function candidates(tx: Db, u: UserSettings, before: Date, now: Date): Promise<Candidate[]> {
  return candidatesOf(await candidateRows(tx, u.id, before, now).execute(), dayContextOf(u));
}

type PlannedMove<R extends PlanRow = CandidateRow> = Move & { row: R; newDue: Date; recallBefore: number; recallAfter: number };

// Each move with its new due date (the start of its study day) and the card's expected recall
// when it comes up, on time (now, for a card already overdue) and as moved, by the learner's
// own parameters. A day's start is day × 24 h on the study clock, so only the card's last
// review and its on-time instant are mapped to it.
function withRecall<R extends PlanRow>(moves: Move[], byId: Map<string, Candidate<R>>, s: CardSchedulers, ctx: DayContext, now: Date): PlannedMove<R>[] {
  // A run spans a few days: each day's start is found through the zone's rules once.
  const starts = new Map<number, Date>();
  const startOf = (day: number) => starts.get(day) ?? starts.set(day, studyDayStart(day, ctx)).get(day)!;
  const nowMs = now.getTime();
  return moves.map(({ id, fromDay, toDay }) => {
    const c = byId.get(id)!;
    const f = cardScheduler(s, c.safety);
    const { lastReview, due, stability } = c.row;
    const last = studyClockMs(Math.min(lastReview.getTime(), nowMs), ctx);
    // "On time" for a card already overdue is now.
    const onTime = studyClockMs(Math.max(due.getTime(), nowMs), ctx);
    return {
      id,
      fromDay,
      toDay,
      row: c.row,
      newDue: startOf(toDay),
      recallBefore: recallAt(f, stability, last, onTime),
      recallAfter: recallAt(f, stability, last, toDay * DAY_MS),
    };
  });
}

async function writeMoves(tx: Db, userId: string, moves: PlannedMove[], kind: string, batchId: string, now: Date): Promise<void> {
  for (const m of moves) {
    const version = m.row.version + 1;
    const n = await tx
      .updateTable("Card")
      .set({ due: m.newDue, version })
      .where("id", "=", m.id)
      .where("userId", "=", userId)
      .where("version", "=", m.row.version)
      .executeTakeFirst();
    if (n.numUpdatedRows !== 1n)
      throw new UserError("Your cards changed while they were being moved (a review in another tab?). Nothing was changed; please try again.", 409);
    await tx
      .insertInto("CardEvent")
      .values({ id: randomUUID(), userId, cardId: m.id, batchId, kind, at: now, before: JSON.stringify(snapshotOf(m.row)), version })
      .execute();
  }
}

// The learner's away periods not undone.
const livePeriods = (db: Db, userId: string) => db.selectFrom("AwayPeriod").where("userId", "=", userId).where("undoneAt", "is", null);

// ---------------------------------------------------------------- I'm away

export type AwayPlan = { startDay: number; endDay: number; spreadDays: number; summary: MoveSummary; moves: PlannedMove[] };

async function planAway(tx: Db, u: UserSettings, input: AwayInput, now: Date): Promise<AwayPlan> {
  const ctx = dayContextOf(u);
  const today = studyDayNumber(now, ctx);
  const startDay = dayOfIsoDate(input.start);
  const endDay = dayOfIsoDate(input.end);
  if (startDay < today) throw new UserError("A break cannot start in the past: choose today or a later day.", 400);
  const overlap = await livePeriods(tx, u.id).select("id").where("startDay", "<=", endDay).where("endDay", ">=", startDay).execute();
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
export async function previewAway(user: UserRef, input: AwayInput, now = new Date()): Promise<AwayPreview> {
  const u = await settingsOf(user);
  return previewOf(await planAway(kdb, u, input, now));
}

// Records the break and moves its cards, in one transaction (planned inside it, so that a
// review made meanwhile is not overwritten).
export async function setAway(user: UserRef, input: AwayInput, now = new Date()): Promise<AwayPreview & { periodId: string }> {
  const u = await settingsOf(user);
  return transaction(async (tx) => {
    const p = await planAway(tx, u, input, now);
    const batchId = p.moves.length ? randomUUID() : null;
    if (batchId) await writeMoves(tx, u.id, p.moves, AWAY_EVENT, batchId, now);
    const periodId = randomUUID();
    await tx
      .insertInto("AwayPeriod")
      .values({ id: periodId, userId: u.id, startDay: p.startDay, endDay: p.endDay, spreadDays: p.spreadDays, moved: p.moves.length, batchId, createdAt: now })
      .execute();
    return { ...previewOf(p), periodId };
  });
}

export type AwayPeriodView = { id: string; start: string; end: string; moved: number };

// The learner's breaks not undone that have not ended yet, soonest first.
export async function listAwayPeriods(user: UserRef, now = new Date()): Promise<AwayPeriodView[]> {
  const u = await settingsOf(user);
  const today = studyDayNumber(now, dayContextOf(u));
  const rows = await livePeriods(kdb, u.id)
    .select(["id", "startDay", "endDay", "moved"])
    .where("endDay", ">=", today)
    .orderBy("startDay")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, start: dayNumberToIsoDate(r.startDay), end: dayNumberToIsoDate(r.endDay), moved: r.moved }));
}

export type UndoAwayResult = { restored: number; skipped: number };

// Takes the break back: every card it moved returns to its due date unless it changed since
// (a review), and its days are no longer away days; one transaction.
export async function undoAway(user: UserRef, { periodId }: UndoAwayInput, now = new Date()): Promise<UndoAwayResult> {
  const u = await settingsOf(user);
  // On lib/db/sql.ts's transaction, which restoreBatch (lib/srs/cards/actions.ts) takes.
  return sqlDb.transaction(async (sqlTx) => {
    const tx = kyselyOn(sqlTx);
    const p = await tx.selectFrom("AwayPeriod").select(["batchId", "undoneAt"]).where("id", "=", periodId).where("userId", "=", u.id).executeTakeFirst();
    if (!p) throw new UserError("Nothing to undo.", 404);
    if (p.undoneAt != null) return { restored: 0, skipped: 0 };
    const r = p.batchId ? await restoreBatch(sqlTx, u.id, p.batchId, now) : { restored: 0, skipped: 0 };
    await tx.updateTable("AwayPeriod").set({ undoneAt: now }).where("id", "=", periodId).where("userId", "=", u.id).execute();
    return { restored: r.restored, skipped: r.skipped };
  });
}

// The study days from `from` to `to` (both included, study day numbers) the learner named as
// away, ascending: a streak need not break on them.
export async function awayDaysOf(userId: string, from: number, to: number): Promise<number[]> {
  const rows = await livePeriods(kdb, userId).select(["startDay", "endDay"]).where("startDay", "<=", to).where("endDay", ">=", from).execute();
  const days = new Set<number>();
  for (const r of rows) for (let d = Math.max(from, r.startDay); d <= Math.min(to, r.endDay); d++) days.add(d);
  return [...days].sort((a, b) => a - b);
}

// ---------------------------------------------------------------- Back from a break

// The learner's live reviews on their recent study days (the last 14 days they reviewed on),
// and on how many days.
const recentReviews = (userId: string, today: number) =>
  kdb
    .selectFrom("ReviewLog")
    .select((e) => [e.fn.countAll().as("n"), e.fn.count("reviewDay").distinct().as("days")])
    .where("userId", "=", userId)
    .where("undoneAt", "is", null)
    .where("reviewDay", ">=", today - 14)
    .where("reviewDay", "<", today);

const averageOf = (r: { n: unknown; days: unknown } | undefined) => {
  const days = Number(r?.days ?? 0);
  return days ? Number(r?.n ?? 0) / days : 0;
};

// Reviews a day on the learner's recent study days.
async function dailyAverage(userId: string, today: number): Promise<number> {
  return averageOf(await recentReviews(userId, today).executeTakeFirst());
}

export type BacklogOffer = { due: number; dailyAverage: number; days: number; summary: MoveSummary };

// The backlog's plan from its cards and the learner's recent daily average.
function planBacklogOf<R extends PlanRow>(u: UserSettings, rows: R[], average: number, days: number | null, now: Date) {
  const ctx = dayContextOf(u);
  const today = studyDayNumber(now, ctx);
  const cards = candidatesOf(rows, ctx);
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

async function planBacklog(tx: Db, u: UserSettings, days: number | null, now: Date) {
  const ctx = dayContextOf(u);
  const rows = await candidateRows(tx, u.id, studyDayBounds(now, ctx).end, now).execute();
  return planBacklogOf(u, rows, await dailyAverage(u.id, studyDayNumber(now, ctx)), days, now);
}

// The offer's one statement: the learner's recent reviews (one row, always there) joined to the
// planning columns of every card candidateCards reads (none when nothing is due).
const offerRows = (userId: string, before: Date, now: Date, today: number) =>
  kdb
    .selectFrom(recentReviews(userId, today).as("r"))
    .leftJoin(leanRows(kdb, userId, before, now).as("p"), (j) => j.onTrue())
    .select(["r.n", "r.days", "p.id", "p.due", "p.stability", "p.scheduledDays", "p.lastReview", "p.safety"]);
type OfferRow = Awaited<ReturnType<ReturnType<typeof offerRows>["execute"]>>[number];
const isCardRow = (r: OfferRow): r is OfferRow & PlanRow => r.id !== null;

// When today's due reviews are more than about two days' worth, what spreading them would do;
// null when they are not. /review asks on every load, in one statement: the due cards with only
// what the plan needs, and the recent reviews their number is weighed against.
export async function backlogOffer(user: UserRef, now = new Date()): Promise<BacklogOffer | null> {
  const u = await settingsOf(user);
  const ctx = dayContextOf(u);
  const rows = await offerRows(u.id, studyDayBounds(now, ctx).end, now, studyDayNumber(now, ctx)).execute();
  const average = averageOf(rows[0]);
  const cards = rows.filter(isCardRow);
  if (!isBacklog(cards.length, average)) return null;
  const p = planBacklogOf(u, cards, average, null, now);
  if (p.moves.length === 0) return null;
  return { due: p.due, dailyAverage: Math.round(p.average), days: p.days, summary: summarizeMoves(p.moves, p.kept) };
}

export type SpreadResult = { batchId: string | null; summary: MoveSummary };

// Spreads today's due reviews over `days` days from today, in one transaction; undone with
// the card actions' undo (undoCardAction with the batch id).
export async function spreadBacklog(user: UserRef, { days }: SpreadBacklogInput, now = new Date()): Promise<SpreadResult> {
  const u = await settingsOf(user);
  return transaction(async (tx) => {
    const p = await planBacklog(tx, u, days, now);
    const batchId = p.moves.length ? randomUUID() : null;
    if (batchId) await writeMoves(tx, u.id, p.moves, SPREAD_EVENT, batchId, now);
    return { batchId, summary: summarizeMoves(p.moves, p.kept) };
  });
}
