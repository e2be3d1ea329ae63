import { expressionBuilder, sql, type Expression, type SqlBool } from "kysely";
import { State } from "ts-fsrs";
import { engineOf, type Db, type DB } from "../db";

// The card rules of lib/srs/due.ts as query expressions, written once: every query of a
// user's cards names the card `c` and its catalogue row `k`, and filters with these.
export type CardScope = { c: DB["Card"]; k: DB["CatalogCard"] };
const eb = expressionBuilder<CardScope, "c" | "k">();

// The states written as constants, so the planner sees them (they never vary).
const LEARNING = [sql.lit(State.Learning), sql.lit(State.Relearning)];

// Not suspended (buried or not).
export const unsuspended = (): Expression<SqlBool> => eb("c.suspendedAt", "is", null);

// Neither suspended nor buried at `now` (isQueued).
export const queuedAt = (now: Date): Expression<SqlBool> => eb.and([unsuspended(), eb.or([eb("c.buriedUntil", "is", null), eb("c.buriedUntil", "<=", now)])]);

// Studied: in learning, review or relearning, not new.
export const studied = (): Expression<SqlBool> => eb("c.state", "<>", sql.lit(State.New));

// Studied and due before `cutoff`, the end of the study day (isDue).
export const dueBefore = (cutoff: Date): Expression<SqlBool> => eb.and([studied(), eb("c.due", "<", cutoff)]);

// Due before `cutoff` and in the queue now: what /review offers today (before its daily limits).
export const dueAndQueued = (cutoff: Date, now: Date): Expression<SqlBool> => eb.and([dueBefore(cutoff), queuedAt(now)]);

// In learning or relearning.
export const learning = (): Expression<SqlBool> => eb("c.state", "in", LEARNING);
export const inState = (state: State): Expression<SqlBool> => eb("c.state", "=", sql.lit(state));

// A user's cards, each with its catalogue row (retired or not).
export const userCards = (db: Db, userId: string) =>
  db.selectFrom("Card as c").innerJoin("CatalogCard as k", "k.id", "c.catalogCardId").where("c.userId", "=", userId);

// ... whose catalogue card is still in the course.
export const liveCards = (db: Db, userId: string) => userCards(db, userId).where("k.retiredAt", "is", null);

// The same, every card read in catalogue order, for aggregates over a whole deck: SQLite's
// planner would take the (userId, state, due) index and then look the catalogue rows up in
// random order, 26 ms against 10 ms for 10,000 cards (measured). PostgreSQL chooses its own join.
export const liveCardsByCatalogue = (db: Db, userId: string) =>
  db
    .selectFrom(
      engineOf(db) === "sqlite" ? sql<DB["Card"]>`"Card"`.as<"c">(sql`"c" INDEXED BY "Card_userId_catalogCardId_key"`) : sql<DB["Card"]>`"Card"`.as("c"),
    )
    .innerJoin("CatalogCard as k", "k.id", "c.catalogCardId")
    .where("c.userId", "=", userId)
    .where("k.retiredAt", "is", null);

// ... and in the queue now.
export const queuedCards = (db: Db, userId: string, now: Date) => liveCards(db, userId).where(queuedAt(now));

// Still in the course, tested without the catalogue row's columns: no retired catalogue row is
// the card's (every card has its catalogue row, a foreign key). For counts over many cards:
// joined, PostgreSQL hashed the whole catalogue (10,000 rows on the bench) for each count; this
// way it reads the few retired rows once and the cards alone (an anti-join).
const withCatalogue = expressionBuilder<DB & { c: DB["Card"] }, "c">();
export const notRetired = (): Expression<SqlBool> =>
  withCatalogue.not(
    withCatalogue.exists(
      withCatalogue.selectFrom("CatalogCard as r").select("r.id").whereRef("r.id", "=", "c.catalogCardId").where("r.retiredAt", "is not", null),
    ),
  );

// A user's live cards in the queue now, without their catalogue rows (the same cards as
// queuedCards): for counts, which need no catalogue column.
export const queuedCardsOnly = (db: Db, userId: string, now: Date) =>
  db.selectFrom("Card as c").where("c.userId", "=", userId).where(notRetired()).where(queuedAt(now));

// The card's ts-fsrs fields (lib/srs/card-rows.ts CardFields), selected under their own names.
export const CARD_FIELD_COLUMNS = [
  "c.state",
  "c.due",
  "c.stability",
  "c.difficulty",
  "c.elapsedDays",
  "c.scheduledDays",
  "c.learningSteps",
  "c.reps",
  "c.lapses",
  "c.lastReview",
] as const;

// A review log's copy of its card before the grade (lib/srs/card-rows.ts LogSnapshot), as undo
// and the offline replay read it back.
export const LOG_BEFORE_COLUMNS = [
  "l.state",
  "l.prevDue",
  "l.stability",
  "l.difficulty",
  "l.prevElapsedDays",
  "l.scheduledDays",
  "l.learningSteps",
  "l.prevReps",
  "l.prevLapses",
  "l.prevLastReview",
] as const;
