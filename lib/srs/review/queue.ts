import "server-only";
import { sql } from "kysely";
import { State } from "ts-fsrs";
import { kdb, type Db } from "../../db";
import { prepared } from "../../db/prepared";
import { cardView, type CardView } from "../../content/catalogue";
import { studyDayNumber } from "../day";
import { dueCutoff } from "../due";
import { CARD_FIELD_COLUMNS, inState, learning, queuedCards, queuedCardsOnly, userCards } from "../card-queries";
import { dailyAllowance } from "../limits";
import { previewIntervals } from "../scheduler";
import { cardScheduler } from "../safety";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { pickNext, LEARN_AHEAD_MS } from "../queue";
import { cardStateOf } from "../card-rows";
import type { QueueBounds, QueueCard, QueueRead } from "./after-grade";
import { settingsOf, type UserSettings } from "../../settings";

// The review queue's read model: the next card, the counts and today's tally, in ONE SQL
// statement. A one-row aggregate part (counts by queue, today's tally from its ReviewDayTally
// row, the last live log, the earliest due date) is joined to at most seven candidate cards,
// each the head of one queue by index order (learning due now, reviews due today, the first
// new card, learning due within the learn-ahead window, and the warning-sign and quick-relief
// cards among them); pickNext (pure, unit-tested) then
// chooses among them exactly as it would among the whole queues. The next due date is the
// least of three index-ordered heads (learning, review, relearning): a MIN over every studied
// card joined to its catalogue row took 11 ms for 10,000 cards, the three heads 0.1 ms.

export type ReviewCard = CardView & {
  cardId: string;
  version: number;
  state: number;
  // Flagged by the leech rule and still in the queue (the "flag only" setting): shown as a notice.
  leech: boolean;
  lapses: number;
  // With even days on, `latest` is set when the grade's day is picked only as it is made: it lands from `due` to `latest`.
  intervals: { rating: number; label: string; due: string; latest?: string }[];
};

export type ReviewState = {
  card: ReviewCard | null;
  counts: { new: number; learning: number; review: number };
  today: { done: number; again: number; timeMs: number };
  nextDueAt: string | null;
  lastLogId: string | null;
};

type QueueValues = { userId: string; now: Date; end: Date; ahead: Date; newLimit: number; today: number };
// Grading's read (lib/srs/review/grade.ts): the card `cardId`, and the load of lib/srs/load.ts
// between `from` and `to` (loadBounds, loadBoundsOn) when even days are on.
export type GradeReadValues = { userId: string; cardId: string; from: Date; to: Date };
type GradedCard = { userId: string; cardId: string };
type CardQuery = ReturnType<typeof queuedCards>;

// One statement, compiled once (lib/db/prepared.ts). The new-card limit is cast because with
// a bare `LIMIT ?` SQLite ran this statement in about 600 µs, and with the cast in about
// 380 µs, as fast as with a constant (10,000-card deck, busy machine).
//
// For a grade (`g`), the same statement also reads the card being graded (as candidate kind 0,
// whatever its queue) and the last live log's time (`review`), and leaves the graded card out
// of every count and head (the even-days load a grade may need is read apart, for the days its
// pick chooses among, grade.ts balancingOn): the queue after the grade is then this read with the card's new state added
// (after-grade.ts), and a grade costs one read before its write instead of one on each side.
function queueStatement(db: Db, p: QueueValues, g: GradedCard | null) {
  const queued = () => queuedCards(db, p.userId, p.now).$if(g != null, (q) => q.where("c.id", "<>", g!.cardId));
  // The counts need no catalogue column: counted without the join (card-queries.ts queuedCardsOnly).
  const counted = () => queuedCardsOnly(db, p.userId, p.now).$if(g != null, (q) => q.where("c.id", "<>", g!.cardId));
  const count = (q: ReturnType<typeof counted>) => q.select((e) => e.fn.countAll().as("n"));
  // The earliest due card of one state, by index order.
  const head = (state: State, name: string) =>
    db.selectFrom(queued().select("c.due as d").where(inState(state)).orderBy("c.due").limit(sql.lit(1)).as(name)).selectAll();
  // The head of one queue, tagged with its kind (pickNext's queues, see above).
  const columns = (q: ReturnType<typeof userCards>, kind: number) =>
    q.select([
      sql.lit(kind).as("kind"),
      "c.id",
      "c.catalogCardId",
      "c.version",
      ...CARD_FIELD_COLUMNS,
      "c.leech",
      "c.suspendedAt",
      "c.buriedUntil",
      "k.retiredAt",
      "k.safety",
      "k.quickRelief",
    ]);
  const candidate = (kind: number, name: string, filter: (q: CardQuery) => CardQuery) =>
    db
      .selectFrom(
        columns(filter(queued()), kind)
          .orderBy("c.due")
          .orderBy(kind === 3 ? "k.position" : "c.id")
          .limit(sql.lit(1))
          .as(name),
      )
      .selectAll();
  const learningBy = (q: CardQuery, at: Date) => q.where(learning()).where("c.due", "<=", at);
  const reviewBy = (q: CardQuery) => q.where(inState(State.Review)).where("c.due", "<", p.end);
  const heads = candidate(1, "b1", (q) => learningBy(q, p.now))
    .unionAll(candidate(2, "b2", reviewBy))
    .unionAll(candidate(3, "b3", (q) => q.where(inState(State.New))))
    .unionAll(candidate(4, "b4", (q) => learningBy(q, p.ahead)))
    .unionAll(candidate(5, "b5", (q) => learningBy(q.where("k.safety", "=", sql.lit(true)), p.now)))
    .unionAll(candidate(6, "b6", (q) => reviewBy(q.where("k.safety", "=", sql.lit(true)))))
    .unionAll(candidate(7, "b7", (q) => reviewBy(q.where("k.quickRelief", "=", sql.lit(true)))));
  const candidates = g
    ? db
        .selectFrom(columns(userCards(db, g.userId).where("c.id", "=", g.cardId), 0).as("b0"))
        .selectAll()
        .unionAll(heads)
    : heads;
  const tally = todayTally(db, p.userId, p.today);
  // The last live log's column.
  const lastLog = () =>
    db
      .selectFrom("ReviewLog as l")
      .where("l.userId", "=", p.userId)
      .where("l.undoneAt", "is", null)
      .orderBy("l.review", "desc")
      .orderBy("l.id", "desc")
      .limit(sql.lit(1));
  const aggregate = db.selectFrom(tally.as("t")).select((e) => [
    count(counted().where(learning()).where("c.due", "<", p.end)).as("learning"),
    count(counted().where(inState(State.Review)).where("c.due", "<", p.end)).as("reviewDue"),
    e
      .selectFrom(
        counted()
          .select(sql.lit(1).as("x"))
          .where(inState(State.New))
          .limit(sql<number>`CAST(${p.newLimit} AS INTEGER)`)
          .as("n"),
      )
      .select((f) => f.fn.countAll().as("n"))
      .as("fresh"),
    e
      .selectFrom(head(State.Learning, "m1").unionAll(head(State.Review, "m2")).unionAll(head(State.Relearning, "m3")).as("m"))
      .select((f) => f.fn.min("m.d").as("d"))
      .as("nextDue"),
    lastLog().select("l.id").as("lastLogId"),
    // Named after the log's column, so that SQLite's text comes back as a Date (lib/db/row.ts).
    (g ? lastLog().select("l.review") : sql<Date | null>`null`).as("review"),
    e.selectFrom("BackCheckIn as ci").select("ci.badDay").where("ci.userId", "=", p.userId).where("ci.studyDay", "=", p.today).as("badDay"),
    "t.done",
    "t.again",
    "t.timeMs",
    "t.introduced",
    "t.reviewed",
  ]);
  return db
    .selectFrom(aggregate.as("a"))
    .leftJoin(candidates.as("q"), (j) => j.onTrue())
    .selectAll("a")
    .selectAll("q");
}
// Today's tally of the user's live logs: their day's row of ReviewDayTally, which database
// triggers keep (prisma/schema.prisma), summed so that a day without reviews gives one row of
// nulls. A log's state is the card's state before the review: New = introduced today, Review =
// counted against the daily review limit (lib/srs/limits.ts).
export function todayTally(db: Db, userId: string, today: number) {
  return db
    .selectFrom("ReviewDayTally as t")
    .where("t.userId", "=", userId)
    .where("t.reviewDay", "=", today)
    .select((e) => [
      e.fn.sum("t.done").as("done"),
      e.fn.sum("t.again").as("again"),
      e.fn.sum("t.timeMs").as("timeMs"),
      e.fn.sum("t.introduced").as("introduced"),
      e.fn.sum("t.reviewed").as("reviewed"),
    ]);
}

const queueQuery = prepared((db, p: QueueValues) => queueStatement(db, p, null));
const queueForGrade = prepared((db, p: QueueValues & GradedCard) => queueStatement(db, p, p));

export async function getReviewState(userOrId: Parameters<typeof settingsOf>[0], now = new Date()): Promise<ReviewState> {
  const user = await settingsOf(userOrId);
  return reviewStateOf(user, now);
}

type QueueRow = Awaited<ReturnType<typeof queueQuery>>["rows"][number];
// A row with a card (the aggregate part comes without one when no queue has a head).
const isCard = (r: QueueRow): r is QueueRow & QueueCard => r.kind != null;

// The bounds a queue read at `now` uses.
function queueBounds(user: UserSettings, now: Date): QueueBounds {
  const ctx = dayContextOf(user);
  // The cut-off of lib/srs/due.ts: the learning and review counts are "due today" everywhere.
  // The study day from the cached day starts (lib/srs/day.ts), not a zone look-up per call.
  return { now, end: dueCutoff(now, ctx), ahead: new Date(now.getTime() + LEARN_AHEAD_MS), today: studyDayNumber(now, ctx) };
}

const queueValues = (user: UserSettings, b: QueueBounds) => ({
  userId: user.id,
  now: b.now,
  end: b.end,
  ahead: b.ahead,
  newLimit: user.newCardsPerDay,
  today: b.today,
});

// The statement's rows as numbers and cards (PostgreSQL answers a COUNT as text).
function queueReadOf(rows: QueueRow[]): QueueRead {
  const a = rows[0]!;
  return {
    totals: {
      learning: Number(a.learning),
      reviewDue: Number(a.reviewDue),
      fresh: Number(a.fresh),
      introduced: Number(a.introduced ?? 0),
      reviewed: Number(a.reviewed ?? 0),
      done: Number(a.done),
      again: Number(a.again ?? 0),
      timeMs: Number(a.timeMs ?? 0),
      nextDue: a.nextDue,
      lastLogId: a.lastLogId,
      lastLogAt: a.review,
      badDay: a.badDay ?? false,
    },
    heads: rows.filter(isCard).filter((c) => c.kind !== 0),
  };
}

export async function reviewStateOf(user: UserSettings, now: Date): Promise<ReviewState> {
  const b = queueBounds(user, now);
  const { rows } = await queueQuery(kdb, queueValues(user, b));
  return reviewStateFrom(user, b, queueReadOf(rows));
}

// Grading's read (lib/srs/review/grade.ts): the queue without the card `cardId`, and the card
// itself (undefined when the user has none).
export async function queueForGradeOf(user: UserSettings, cardId: string, now: Date) {
  const b = queueBounds(user, now);
  const { rows } = await queueForGrade(kdb, { ...queueValues(user, b), cardId });
  return { bounds: b, queue: queueReadOf(rows), card: rows.filter(isCard).find((c) => c.kind === 0) };
}

// The review state from a queue read: the daily limits, the bad day and pickNext's choice.
export function reviewStateFrom(user: UserSettings, b: QueueBounds, { totals: a, heads }: QueueRead): ReviewState {
  const { now, end } = b;
  // A log's state is the card's state before the review: state New = introduced today, state
  // Review = a review counted against the daily review limit (lib/srs/limits.ts).
  const allow = dailyAllowance({
    newPerDay: user.newCardsPerDay,
    reviewsPerDay: user.reviewsPerDay,
    introduced: a.introduced,
    reviewed: a.reviewed,
    reviewDue: a.reviewDue,
    newAvailable: a.fresh,
  });
  // Reviews over the limit stay due (for later days) but are not offered today.
  // A bad day (lib/srs/bad-day) brings no new cards, and its quick-relief cards come next
  // after the safety cards (lib/srs/queue.ts pickNext).
  const badDay = a.badDay;
  const due = heads
    .filter((c) => c.kind === 1 || c.kind === 4 || c.kind === 5 || ((c.kind === 2 || c.kind === 6 || c.kind === 7) && allow.reviews > 0))
    .map((c) => ({ ...c, quickRelief: badDay && c.quickRelief }));
  const fresh = allow.fresh && !badDay ? heads.filter((c) => c.kind === 3) : [];
  const next = pickNext(due, fresh, now);

  let card: ReviewCard | null = null;
  if (next) {
    const view = cardView(next.catalogCardId);
    if (view) {
      const f = cardScheduler(schedulerSettingsOf(user), next.safety);
      card = {
        ...view,
        cardId: next.id,
        version: next.version,
        state: next.state,
        leech: next.leech,
        lapses: next.lapses,
        intervals: previewIntervals(f, cardStateOf(next.id, next), now, null, user.loadBalance).map((p) => ({
          rating: p.rating,
          label: p.label,
          due: p.due.toISOString(),
          ...(p.latest ? { latest: p.latest.toISOString() } : {}),
        })),
      };
    }
  }
  // With no card to show, every studied card is due after the learn-ahead window, so the
  // earliest due date is the next one.
  // Reviews held back by the daily limit come back when the next study day starts.
  const held = a.reviewDue > allow.reviews;
  const nextDue = card ? null : held ? end : a.nextDue;
  return {
    card,
    counts: { new: badDay ? 0 : allow.fresh, learning: a.learning, review: allow.reviews },
    today: { done: a.done, again: a.again, timeMs: a.timeMs },
    nextDueAt: nextDue ? nextDue.toISOString() : null,
    lastLogId: a.lastLogId,
  };
}
