import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { State, type Grade } from "ts-fsrs";
import { engineOf, epochMs, isUniqueSqlError, jsonArrayAgg, jsonRows, kdb, kyselyOn, sqlDb, type Db } from "../../db";
import { prepared } from "../../db/prepared";
import type { SqlTx } from "../../db/sql";
import { UserError } from "../../errors";
import type { GradeInput } from "../../validation/review";
import { studyDayNumber } from "../day";
import { planGrade } from "../scheduler";
import { cardScheduler } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { cardFields, cardStateOf, reviewLogFields, type CardFields } from "../card-rows";
import { CARD_FIELD_COLUMNS, userCards } from "../card-queries";
import { leechOutcome, leechRuleFor } from "../leech";
import type { UserSettings } from "../../settings";
import { insertReviewLog, LOG_COLUMNS, logParams, logValues, type LogParams, type ReviewLogInsert } from "./log-insert";
import { balancingOf, loadBounds, loadBoundsOn, loadCards, windowFor, type Balancing, type LoadCard } from "../load";
import { queueForGradeOf, reviewStateFrom, reviewStateOf, type GradeReadValues, type ReviewState } from "./queue";
import { queueAfterGrade } from "./after-grade";
import { windowToJson } from "../load-balance";

export type GradeResult = { logId: string; nextDue: string; nextState: number; replay: boolean };

// What a grade alone (gradeAs: offline replays) reads, in one statement compiled once
// (lib/db/prepared.ts); an online grade reads the same with the review queue (gradeAndNextAs).
// The card with its catalogue row and (cardAndLoad, for an offline grade put in its place,
// place-in-history.ts) while even days are on, every other card its load counts (lib/srs/load.ts),
// as one JSON array of [due in ms, catalogue card] in a column of the card's row: one row
// instead of one per counted card. Only the columns grading uses: the settings (leech rule,
// even days) come with the session check (lib/settings), so the row carries none of them.
const GRADE_COLUMNS = ["c.version", ...CARD_FIELD_COLUMNS, "c.leech", "c.catalogCardId", "c.suspendedAt", "k.retiredAt", "k.safety"] as const;
const cardAlone = prepared((db, p: { userId: string; cardId: string }) =>
  userCards(db, p.userId)
    .where("c.id", "=", p.cardId)
    .select(GRADE_COLUMNS)
    .select(sql<string | null>`null`.as("load")),
);
const cardAndLoad = prepared((db, p: GradeReadValues) =>
  userCards(db, p.userId)
    .where("c.id", "=", p.cardId)
    .select(GRADE_COLUMNS)
    .select(
      loadCards(db, p)
        .select(jsonArrayAgg(db, [epochMs(db, "c.due"), sql.ref("c.catalogCardId")]).as("l"))
        .as("load"),
    ),
);

// The load a pick on some study days reads (planGrade's `days`, loadBoundsOn): the cards due on
// those days alone, found by the (userId, state, due) index, which the state list lets SQLite
// take (with "state <> 0" it walked every card of the user's deck).
const loadOnDays = prepared((db, p: GradeReadValues) =>
  loadCards(db, p)
    .where("c.state", "in", [sql.lit(State.Learning), sql.lit(State.Review), sql.lit(State.Relearning)])
    .select(jsonArrayAgg(db, [epochMs(db, "c.due"), sql.ref("c.catalogCardId")]).as("l")),
);

async function balancingOn(user: UserSettings, cardId: string, days: StudyDays, now: Date): Promise<Balancing | null> {
  const {
    rows: [r],
  } = await loadOnDays(kdb, { userId: user.id, cardId, ...loadBoundsOn(days, dayContextOf(user)) });
  return balancingFrom(user, r?.l ?? null, now);
}

// The user's card `cardId` with the whole load a grade at `now` could read (null with even days
// off), for an offline grade put in its place (place-in-history.ts); undefined when the user has
// no such card.
export async function cardForGrade(db: Db, user: UserSettings, cardId: string, now: Date): Promise<GradeRead | undefined> {
  const read = user.loadBalance ? cardAndLoad : cardAlone;
  const {
    rows: [card],
  } = await read(db, { userId: user.id, cardId, ...loadBounds(now) });
  return card && { card, balancing: balancingFrom(user, card.load, now) };
}

// grade()'s card, whose load is read only if a pick needs it, for the days the pick chooses
// among (balancingOn): the grade's read itself carries none. A learner with 10,000 cards read
// every one due in the next hundred days on each grade, about 12 ms of SQLite's time on the
// server's one thread; and most grades are not picked (learning steps, Again, short intervals).
const gradeInputOf = (user: UserSettings, cardId: string, now: Date, card: GradeRow): GradeInputRead => ({
  card,
  balancingOn: (days) => balancingOn(user, cardId, days, now),
});

// The load's JSON column (null with even days off) as the learner's load.
function balancingFrom(user: UserSettings, json: unknown, now: Date) {
  const load: LoadCard[] = json == null ? [] : jsonRows<[number, string]>(json).map(([due, catalogCardId]) => ({ due: new Date(due), catalogCardId }));
  return balancingOf(user, load, now, dayContextOf(user));
}

// A card as grading reads it, from cardForGrade or the queue's read (queue.ts queueForGradeOf).
type GradeRow = CardFields & {
  version: number;
  leech: boolean;
  catalogCardId: string;
  suspendedAt: Date | null;
  retiredAt: Date | null;
  safety: boolean;
};
type GradeRead = { card: GradeRow; balancing: Balancing | null };
type StudyDays = { from: number; to: number };
// A card as grade() takes it: the load is asked for only when a pick needs it, for its days.
type GradeInputRead = { card: GradeRow; balancingOn: (days: StudyDays) => Promise<Balancing | null> };

// A graded card's new fields, written only over the version it was read at.
type CardWrite = CardFields & { id: string; userId: string; version: number; nextVersion: number; leech: boolean; suspendedAt: Date | null };
const writeCard = prepared((db, p: CardWrite) =>
  db
    .updateTable("Card")
    .set({ ...cardFields(p), version: p.nextVersion, leech: p.leech, suspendedAt: p.suspendedAt })
    .where("id", "=", p.id)
    .where("userId", "=", p.userId)
    .where("version", "=", p.version),
);

// False when the card is no longer at `version` (graded or changed meanwhile).
export async function writeGradedCard(tx: SqlTx, c: CardWrite): Promise<boolean> {
  const { numAffectedRows } = await writeCard(kyselyOn(tx), c);
  return numAffectedRows === 1n;
}

// PostgreSQL: the card's update and the log's insert in one statement, one round trip instead
// of two (each costs the Node process a socket write and read, the largest part of a grade's
// CPU there, profiled): the update in a WITH, and the insert taking its values from the
// update's row, so the log is written only when the card was still at `version`. The
// statement is atomic by itself, so it runs as a one-statement write (lib/db/sql.ts
// Sql.write): alone, without BEGIN and COMMIT. Its count (the logs inserted) says whether the
// card was still at `version`; when it was not, nothing was written.
const writeCardAndLog = prepared((db, p: CardWrite & LogParams) =>
  db
    .with("c", (w) =>
      w
        .updateTable("Card")
        .set({ ...cardFields(p), version: p.nextVersion, leech: p.leech, suspendedAt: p.suspendedAt })
        .where("id", "=", p.id)
        .where("userId", "=", p.userId)
        .where("version", "=", p.version)
        .returning("id"),
    )
    .insertInto("ReviewLog")
    .columns(LOG_COLUMNS)
    .expression((eb) => eb.selectFrom("c").select(logValues(p))),
);

// A grade's two writes, kept only together; a 409, with nothing written, when the card was no
// longer at `version`. On PostgreSQL one statement, sent alone when no other write waits; on
// SQLite the update and the insert in one transaction of the group commit.
async function writeGrade(c: CardWrite, log: ReviewLogInsert): Promise<void> {
  const stale = () => new UserError("This card was reviewed elsewhere at the same moment. Reload to continue.", 409);
  if (engineOf(kdb) === "postgres") {
    const p = { ...c, ...logParams(log) };
    return sqlDb.write(async (tx) => {
      if ((await writeCardAndLog(kyselyOn(tx), p)).numAffectedRows !== 1n) throw stale();
    });
  }
  return sqlDb.transaction(async (tx) => {
    if (!(await writeGradedCard(tx, c))) throw stale();
    await insertReviewLog(tx, log);
  });
}

const firstResult = prepared((db, p: { userId: string; clientId: string }) =>
  db.selectFrom("ReviewLog").select(["id", "nextDue", "nextState", "undoneAt"]).where("userId", "=", p.userId).where("clientId", "=", p.clientId),
);

// What a stored grade wrote: the card's new columns and its log.
type Written = { card: CardWrite; log: ReviewLogInsert };

// Grading: the card as read (`got`, undefined when the user has none), then its update and
// the log insert, together or not at all. The read sits outside the write: the update's
// `version = ?` condition makes a grade made against an older view (another tab, a repeat)
// change nothing, and it then answers 409 or, for a repeated clientId, the first result. A
// repeated clientId is not looked up first: its grade already moved the card on, so the repeat
// fails the version check (or, racing on PostgreSQL, the unique clientId index), and the catch
// answers with the stored result (`written` null).
async function grade(
  user: UserSettings,
  input: GradeInput,
  now: Date,
  got: GradeInputRead | undefined,
): Promise<{ result: GradeResult; written: Written | null }> {
  const userId = user.id;
  try {
    if (!got) throw new UserError("No such card in your deck.", 404);
    const { card: row } = got;
    if (row.retiredAt != null) throw new UserError("This card has been retired from the course.", 409);
    const before = { ...cardStateOf(input.cardId, row), version: row.version };
    if (before.version !== input.version) {
      throw new UserError("This card was reviewed or changed elsewhere (another tab?). Reload to see its current state.", 409);
    }
    const f = cardScheduler(schedulerSettingsOf(user), row.safety);
    // Even days: the day is picked from the learner's load now (lib/srs/load.ts), and the load
    // it read is stored with the review for replays.
    const planned = planGrade(f, before, input.rating as Grade, now);
    const balancing = planned.days && user.loadBalance ? await got.balancingOn(planned.days) : null;
    const { card: next, log, balance } = planned.finish(windowFor(balancing, row.catalogCardId));
    const l = reviewLogFields(before, next, log, { durationMs: input.durationMs, reviewDay: studyDayNumber(now, dayContextOf(user)) });
    // The leech rule (lib/srs/leech.ts) runs with the grade, in the same statements, so every
    // path that grades (online now, replayed offline grades later) applies it.
    const {
      leechChange,
      leech,
      suspendedAt: suspended,
    } = leechOutcome(
      { prevLapses: before.lapses, nextLapses: next.lapses, leech: row.leech, suspendedAt: row.suspendedAt },
      leechRuleFor({ threshold: user.leechThreshold, action: user.leechAction }, row.safety),
      now,
    );
    const logId = randomUUID();
    const write = { ...cardFields(next), id: before.id, userId, version: before.version, nextVersion: l.nextVersion, leech, suspendedAt: suspended };
    const logRow = {
      ...l,
      id: logId,
      userId,
      cardId: before.id,
      clientId: input.clientId,
      leechChange,
      sessionId: input.sessionId ?? null,
      balance: balance && windowToJson(balance),
    };
    await writeGrade(write, logRow);
    return { result: { logId, nextDue: next.due.toISOString(), nextState: next.state, replay: false }, written: { card: write, log: logRow } };
  } catch (e) {
    // A repeat of a stored grade, or two copies of one request racing (possible where
    // transactions run side by side, as on PostgreSQL: the unique index let one in).
    const raced = isUniqueSqlError(e) || (e instanceof UserError && e.status === 409);
    if (raced) {
      const {
        rows: [first],
      } = await firstResult(kdb, { userId, clientId: input.clientId });
      if (first?.undoneAt != null) throw new UserError("That review was undone; reload to continue.", 409);
      if (first) return { result: { logId: first.id, nextDue: first.nextDue.toISOString(), nextState: first.nextState, replay: true }, written: null };
    }
    throw e;
  }
}

// A grade alone (offline replays, lib/srs/review/sync.ts).
export async function gradeAs(user: UserSettings, input: GradeInput, now: Date): Promise<GradeResult> {
  const {
    rows: [card],
  } = await cardAlone(kdb, { userId: user.id, cardId: input.cardId });
  return (await grade(user, input, now, card && gradeInputOf(user, input.cardId, now, card))).result;
}

// A grade and the review state after it, from one read before the write: the card comes with
// the queue (without it), and the queue after the grade is that read with the card's new state
// and the new log added (after-grade.ts). A repeated grade reads the queue again.
export async function gradeAndNextAs(user: UserSettings, input: GradeInput, now: Date): Promise<{ result: GradeResult; state: ReviewState }> {
  const read = await queueForGradeOf(user, input.cardId, now);
  const got = read.card && gradeInputOf(user, input.cardId, now, read.card);
  const { result, written } = await grade(user, input, now, got);
  if (!written || !read.card) return { result, state: await reviewStateOf(user, now) };
  const { card: w, log } = written;
  const card = { ...read.card, ...cardFields(w), version: w.nextVersion, leech: w.leech, suspendedAt: w.suspendedAt };
  const graded = { id: log.id, review: log.review, rating: log.rating, state: log.state, durationMs: log.durationMs };
  return { result, state: reviewStateFrom(user, read.bounds, queueAfterGrade(read.queue, card, graded, read.bounds)) };
}
