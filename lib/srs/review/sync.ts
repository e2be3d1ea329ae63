import "server-only";
import { randomUUID } from "node:crypto";
import { isUniqueSqlError, kdb, kyselyOn, sqlDb, type Db } from "../../db";
import { env } from "../../env";
import { UserError } from "../../errors";
import type { OfflineGradeInput } from "../../validation/review";
import { cardFields, cardStateOf, restoredCardFields, type ReviewLogFields, type VersionedCard } from "../card-rows";
import { LOG_BEFORE_COLUMNS, userCards } from "../card-queries";
import { cardScheduler } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { replayGrades, type ReplayItem } from "../replay";
import { leechOutcome, leechRuleFor } from "../leech";
import { snapshotFromJson, snapshotToJson } from "../cards/actions";
import { cardForGrade, gradeAs, writeGradedCard } from "./grade";
import type { UserSettings } from "../../settings";
import { insertReviewLog } from "./log-insert";
import { windowFor } from "../load";
import { windowFromJson, windowToJson, type LoadWindow } from "../load-balance";

// Grades made offline reach the server here, in the order they were made, each in its own
// transaction. The browser's computed state is never used: each grade is applied to the
// card's stored history at its own review time with the learner's current parameters. The
// rules (docs/offline.md, "Sending grades made offline"):
// - A clientId already stored answers with the first result ("repeat"), never twice.
// - A device clock running fast: grades up to FUTURE_TOLERANCE_MS ahead of the server's clock
//   are accepted, and the whole request's review times move back together by as much as its
//   latest is ahead, so none is later than the server's clock (a grade made online right after
//   is then the latest, and undoable) and their order and spacing stay.
// - A manual reset (forget, not undone) is a boundary in the card's history. A review made
//   before the card's last reset is stored as a fact of the history (rating, time, duration,
//   and the state it met, from a replay of its own stretch) and changes nothing on the card,
//   and no undo reaches it (its log's versions never match the card's again).
// - A review at or after the card's last review (and after its last reset) goes through
//   gradeAs, the online grading function itself, with the review time as its clock.
// - A review earlier than the card's last review (the card was graded meanwhile on another
//   device) is put in its place: the card is reset to the snapshot before the earliest later
//   review, then the new grade and every later live review are replayed in review-time order.
//   If the card was rescheduled after the new grade (and the rescheduling is not undone), the
//   replay runs instead over every review since the last reset, as rescheduling does. Both
//   reviews stay in the history; the later logs' derived fields are rewritten to what the
//   replay gives (their rating, time and duration are facts and never change). The replay
//   writes only the FSRS fields: a suspension, a bury or a leech flag stays, and the leech rule
//   (lib/srs/leech.ts) runs on the card's lapses before and after, as for one grade.
// - Each grade keeps the study session it was made in (sessionId), so undo (lib/srs/review/undo.ts,
//   undoRefusal) reaches it from that session as it would an online grade.
// - Refused, with a reason the page shows: a review time more than FUTURE_TOLERANCE_MS after
//   the server's clock, older than UNKNOT_OFFLINE_MAX_AGE_DAYS (default 30), or before the card
//   was added to the deck; a card no longer in the deck or retired.

export const FUTURE_TOLERANCE_MS = 60_000;

export type SyncOutcome = { clientId: string; status: "stored" | "repeat" | "refused"; logId?: string; reason?: string };

export async function syncGrades(user: UserSettings, grades: OfflineGradeInput[], now = new Date()): Promise<SyncOutcome[]> {
  const shift = clockShift(grades, now);
  const out: SyncOutcome[] = [];
  for (const g of grades) out.push(await syncOne(user, g, shift, now));
  return out;
}

// How far the request's latest acceptable review time is ahead of the server's clock (0 if none is).
export function clockShift(grades: Pick<OfflineGradeInput, "reviewedAt">[], now: Date): number {
  let ahead = 0;
  for (const g of grades) {
    const d = g.reviewedAt - now.getTime();
    if (d > ahead && d <= FUTURE_TOLERANCE_MS) ahead = d;
  }
  return ahead;
}

async function storedResult(userId: string, clientId: string): Promise<SyncOutcome | null> {
  const first = await kdb.selectFrom("ReviewLog").select("id").where("userId", "=", userId).where("clientId", "=", clientId).executeTakeFirst();
  return first ? { clientId, status: "repeat", logId: first.id } : null;
}

export function refusalOf(g: Pick<OfflineGradeInput, "reviewedAt">, now: Date, maxAgeDays = env().UNKNOT_OFFLINE_MAX_AGE_DAYS): string | null {
  if (g.reviewedAt > now.getTime() + FUTURE_TOLERANCE_MS) return "Its review time is in the future. Check this device's date and time.";
  if (g.reviewedAt < now.getTime() - maxAgeDays * 86_400_000) return `It was made more than ${maxAgeDays} days ago, longer than offline reviews are kept.`;
  return null;
}

const ATTEMPTS = 3;
const CHANGED = "The card changed while this review was being placed.";

// A card's resets (forget, not undone).
const resets = (db: Db, userId: string, cardId: string) =>
  db.selectFrom("CardEvent as e").where("e.userId", "=", userId).where("e.cardId", "=", cardId).where("e.kind", "=", "forget").where("e.undoneAt", "is", null);

// The card's first reset after `at`, if any.
const resetAfter = (db: Db, userId: string, cardId: string, at: Date) =>
  resets(db, userId, cardId)
    .select(["e.id", "e.at", "e.before", "e.version"])
    .where("e.at", ">", at)
    .orderBy("e.at")
    .orderBy("e.id")
    .limit(1)
    .executeTakeFirst();

async function syncOne(user: UserSettings, g: OfflineGradeInput, shift: number, now: Date): Promise<SyncOutcome> {
  const refused = (reason: string): SyncOutcome => ({ clientId: g.clientId, status: "refused", reason });
  for (let attempt = 1; ; attempt++) {
    const first = await storedResult(user.id, g.clientId);
    if (first) return first;
    const reason = refusalOf(g, now);
    if (reason) return refused(reason);
    const at = new Date(g.reviewedAt - shift);
    try {
      const row = await userCards(kdb, user.id)
        .select(["c.version", "c.lastReview", "c.addedAt", "k.retiredAt", "k.safety"])
        .where("c.id", "=", g.cardId)
        .executeTakeFirst();
      if (!row) return refused("This card is no longer in your deck.");
      if (row.retiredAt != null) return refused("This card has been retired from the course.");
      if (at < row.addedAt) return refused("Its review time is before the card was added to your deck.");
      if (await resetAfter(kdb, user.id, g.cardId, at))
        return { clientId: g.clientId, status: "stored", logId: await storeBeforeReset(user, g, at, row.safety) };
      const last = row.lastReview;
      if (!last || at >= last) {
        const r = await gradeAs(
          user,
          { cardId: g.cardId, rating: g.rating, version: row.version, clientId: g.clientId, durationMs: g.durationMs, sessionId: g.sessionId },
          at,
        );
        return { clientId: g.clientId, status: r.replay ? "repeat" : "stored", logId: r.logId };
      }
      return { clientId: g.clientId, status: "stored", logId: await insertInOrder(user, g, at, row.version, row.safety) };
    } catch (e) {
      // Another grade or action on this card landed between the read and the write: read it again.
      const raced = (e instanceof UserError && e.status === 409) || isUniqueSqlError(e);
      if (raced && attempt < ATTEMPTS) continue;
      if (raced) throw new UserError("This card is being reviewed elsewhere right now; your waiting reviews will be sent again shortly.", 409);
      if (e instanceof UserError && e.status < 500) return refused(e.message);
      throw e;
    }
  }
}

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
async function storeBeforeReset(user: UserSettings, g: OfflineGradeInput, at: Date, safety: boolean): Promise<string> {
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

async function insertInOrder(user: UserSettings, g: OfflineGradeInput, at: Date, version: number, safety: boolean): Promise<string> {
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
