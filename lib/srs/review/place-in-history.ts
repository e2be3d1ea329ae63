import "server-only";
import { randomUUID } from "node:crypto";
import { kyselyOn, sqlDb, type Db } from "../../db";
import { UserError } from "../../errors";
import type { OfflineGradeInput } from "../../validation/review";
import { cardFields, cardStateOf, restoredCardFields, type ReviewLogFields, type VersionedCard } from "../card-rows";
import { LOG_BEFORE_COLUMNS } from "../card-queries";
import { cardScheduler } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { replayGrades, type ReplayItem } from "../replay";
import { leechOutcome, leechRuleFor } from "../leech";
import { snapshotFromJson, snapshotToJson } from "../cards/actions";
import { cardForGrade, writeGradedCard } from "./grade";
import type { UserSettings } from "../../settings";
import { insertReviewLog } from "./log-insert";
import { windowFor } from "../load";
import { windowFromJson, windowToJson, type LoadWindow } from "../load-balance";

// A grade made offline that arrives after later reviews of its card (sync.ts) is put in its
// place in the card's history: before the card's last reset (storeBeforeReset), or among the
// reviews since (insertInOrder). Each runs in one transaction and throws a 409 when the card
// changed meanwhile, so that sync.ts reads the card again.

const CHANGED = "The card changed while this review was being placed.";

// A card's resets (forget, not undone).
const resets = (db: Db, userId: string, cardId: string) =>
  db.selectFrom("CardEvent as e").where("e.userId", "=", userId).where("e.cardId", "=", cardId).where("e.kind", "=", "forget").where("e.undoneAt", "is", null);

// The card's first reset after `at`, if any.
export const resetAfter = (db: Db, userId: string, cardId: string, at: Date) =>
  resets(db, userId, cardId)
    .select(["e.id", "e.at", "e.before", "e.version"])
    .where("e.at", ">", at)
    .orderBy("e.at")
    .orderBy("e.id")
    .limit(1)
    .executeTakeFirst();

// Each query below reads the same log columns: the review, its leech bits and its before-state.
const laterLogs = (db: Db, userId: string, cardId: string, after: Date) =>
  db
    .selectFrom("ReviewLog as l")
    .select(["l.id", "l.rating", "l.review", "l.durationMs", "l.leechChange", ...LOG_BEFORE_COLUMNS, "l.prevVersion", "l.balance"])
    .where("l.userId", "=", userId)
    .where("l.cardId", "=", cardId)
    .where("l.undoneAt", "is", null)
    .where("l.review", ">", after)
    .orderBy("l.review")
    .orderBy("l.id");
type StoredLog = Awaited<ReturnType<ReturnType<typeof laterLogs>["execute"]>>[number];

// The card as it was just before the review `head` records.
const cardBefore = (cardId: string, head: StoredLog, version: number): VersionedCard => ({ ...cardStateOf(cardId, restoredCardFields(head)), version });

// A stored review replays with the load its even-days pick read then (ReviewLog.balance).
const itemOf = (l: StoredLog): ReplayItem => ({ rating: l.rating, review: l.review, durationMs: l.durationMs, balance: windowFromJson(l.balance) });

// The load a grade placed now in the past reads: the learner's load as it is now, seen from the
// grade's study day (stored with it, so later replays read the same).
async function windowAt(tx: Db, user: UserSettings, cardId: string, at: Date): Promise<LoadWindow | null> {
  const read = await cardForGrade(tx, user, cardId, at);
  return read ? windowFor(read.balancing, read.card.catalogCardId) : null;
}

const balanceJson = (w: LoadWindow | null) => (w ? windowToJson(w) : null);

// A stored log's fields that a replay derives (its rating, time and duration are facts).
const derivedFields = (r: ReviewLogFields) => ({
  state: r.state,
  due: r.due,
  stability: r.stability,
  difficulty: r.difficulty,
  elapsedDays: r.elapsedDays,
  lastElapsedDays: r.lastElapsedDays,
  scheduledDays: r.scheduledDays,
  learningSteps: r.learningSteps,
  reviewDay: r.reviewDay,
  prevDue: r.prevDue,
  prevLastReview: r.prevLastReview,
  prevElapsedDays: r.prevElapsedDays,
  prevReps: r.prevReps,
  prevLapses: r.prevLapses,
  nextState: r.nextState,
  nextDue: r.nextDue,
  nextScheduledDays: r.nextScheduledDays,
  nextStability: r.nextStability,
});

// A review made before the card's reset is put in its place in that stretch of the history, which
// ended at the reset: it is replayed, with the stretch's later reviews, from the card just before
// the earliest of them (or as the reset found it). The later reviews' derived fields are
// rewritten to the replay's, and the reset's own record of the card before it (CardEvent.before)
// becomes the replay's result, so undoing the reset gives the card its history's state. The card
// itself is untouched. The new log's versions (prevVersion = nextVersion, older than the reset's)
// never match the card again, and the later logs keep theirs, so no undo of a review restores the
// pre-reset card.
export async function storeBeforeReset(user: UserSettings, g: OfflineGradeInput, at: Date, safety: boolean): Promise<string> {
  const userId = user.id;
  const logId = randomUUID();
  await sqlDb.transaction(async (sqlTx) => {
    const tx = kyselyOn(sqlTx);
    const found = await resetAfter(tx, userId, g.cardId, at);
    // Taking the reset's row first (a write) makes grades placed before the same reset, and an
    // undo of it, wait for each other where transactions run side by side (PostgreSQL); what
    // follows is read after that.
    const held = found
      ? await tx
          .updateTable("CardEvent")
          .set((e) => ({ before: e.ref("before") }))
          .where("id", "=", found.id)
          .where("userId", "=", userId)
          .where("undoneAt", "is", null)
          .executeTakeFirst()
      : undefined;
    if (!found || held?.numUpdatedRows !== 1n) throw new UserError(CHANGED, 409);
    const reset = await tx
      .selectFrom("CardEvent")
      .select(["id", "at", "before", "version"])
      .where("id", "=", found.id)
      .where("userId", "=", userId)
      .executeTakeFirst();
    if (!reset) throw new UserError(CHANGED, 409);
    const later = await laterLogs(tx, userId, g.cardId, at).where("l.review", "<=", reset.at).execute();
    const before = snapshotFromJson(reset.before);
    const head = later[0];
    const start: VersionedCard = head
      ? cardBefore(g.cardId, head, head.prevVersion)
      : { ...cardStateOf(g.cardId, cardFields(before)), version: reset.version - 1 };
    const steps = replayGrades(cardScheduler(schedulerSettingsOf(user), safety), dayContextOf(user), start, [
      { rating: g.rating, review: at, durationMs: g.durationMs, balance: await windowAt(tx, user, g.cardId, at) },
      ...later.map(itemOf),
    ]);
    const l = steps[0]!.log;
    await insertReviewLog(sqlTx, {
      ...l,
      nextVersion: l.prevVersion,
      id: logId,
      userId,
      cardId: g.cardId,
      clientId: g.clientId,
      leechChange: 0,
      sessionId: g.sessionId ?? null,
      balance: balanceJson(steps[0]!.balance),
    });
    for (let i = 0; i < later.length; i++) {
      await tx
        .updateTable("ReviewLog")
        .set(derivedFields(steps[i + 1]!.log))
        .where("id", "=", later[i]!.id)
        .where("userId", "=", userId)
        .execute();
    }
    const replayed = cardFields(steps[steps.length - 1]!.card);
    await tx
      .updateTable("CardEvent")
      .set({ before: snapshotToJson({ ...before, ...replayed }) })
      .where("id", "=", reset.id)
      .where("userId", "=", userId)
      .execute();
  });
  return logId;
}

// Whether a rescheduling made after `at`, and not undone, changed this card.
async function rescheduledAfter(tx: Db, userId: string, cardId: string, at: Date): Promise<boolean> {
  const snaps = await tx
    .selectFrom("RescheduleSnapshot")
    .select("cards")
    .where("userId", "=", userId)
    .where("undoneAt", "is", null)
    .where("createdAt", ">", at)
    .execute();
  return snaps.some((s) => (JSON.parse(s.cards) as { id: string }[]).some((c) => c.id === cardId));
}

export async function insertInOrder(user: UserSettings, g: OfflineGradeInput, at: Date, version: number, safety: boolean): Promise<string> {
  const userId = user.id;
  const logId = randomUUID();
  await sqlDb.transaction(async (sqlTx) => {
    const tx = kyselyOn(sqlTx);
    const card = await tx
      .selectFrom("Card as c")
      .select(["c.lapses", "c.leech", "c.suspendedAt"])
      .where("c.id", "=", g.cardId)
      .where("c.userId", "=", userId)
      .where("c.version", "=", version)
      .executeTakeFirst();
    if (!card) throw new UserError(CHANGED, 409);
    // Replayed: the reviews after this one, or, after a rescheduling, every review since the last reset.
    const lastReset = await resets(tx, userId, g.cardId)
      .select((e) => e.fn.max("e.at").as("at"))
      .executeTakeFirst();
    const from = (await rescheduledAfter(tx, userId, g.cardId, at)) ? (lastReset?.at ?? new Date(0)) : at;
    const rows = await laterLogs(tx, userId, g.cardId, from).execute();
    const head = rows[0];
    if (!head || rows[rows.length - 1]!.review <= at) throw new UserError(CHANGED, 409);
    // The version chain continues from the card's current version, so every version a
    // client was shown before is now stale, and undo's version check matches the new logs.
    const start = cardBefore(g.cardId, head, version);
    const mine = { rating: g.rating, review: at, durationMs: g.durationMs, balance: await windowAt(tx, user, g.cardId, at) };
    const place = rows.findIndex((l) => l.review > at);
    const items = [...rows.slice(0, place).map(itemOf), mine, ...rows.slice(place).map(itemOf)];
    const steps = replayGrades(cardScheduler(schedulerSettingsOf(user), safety), dayContextOf(user), start, items);
    const c = steps[steps.length - 1]!.card;
    // The leech rule on the card's lapses before and after: its bits go on the replayed review
    // whose lapse reached the new count.
    const leech = leechOutcome(
      { prevLapses: card.lapses, nextLapses: c.lapses, leech: card.leech, suspendedAt: card.suspendedAt },
      leechRuleFor({ threshold: user.leechThreshold, action: user.leechAction }, safety),
      at,
    );
    const reached = leech.leechChange ? steps.findLastIndex((s) => s.log.prevLapses < s.card.lapses) : -1;
    const logs = [...rows.slice(0, place), null, ...rows.slice(place)];
    for (let i = 0; i < steps.length; i++) {
      const l = steps[i]!.log;
      const stored = logs[i];
      const bits = i === reached ? leech.leechChange : 0;
      if (!stored) {
        await insertReviewLog(sqlTx, {
          ...l,
          id: logId,
          userId,
          cardId: g.cardId,
          clientId: g.clientId,
          leechChange: bits,
          sessionId: g.sessionId ?? null,
          balance: balanceJson(steps[i]!.balance),
        });
        continue;
      }
      await tx
        .updateTable("ReviewLog")
        .set({ ...derivedFields(l), prevVersion: l.prevVersion, nextVersion: l.nextVersion, leechChange: stored.leechChange | bits })
        .where("id", "=", stored.id)
        .where("userId", "=", userId)
        .execute();
    }
    const updated = await writeGradedCard(sqlTx, {
      ...cardFields(c),
      id: g.cardId,
      userId,
      version,
      nextVersion: c.version,
      leech: leech.leech,
      suspendedAt: leech.suspendedAt,
    });
    if (!updated) throw new UserError(CHANGED, 409);
  });
  return logId;
}
