import "server-only";
import type { Card, ReviewLog } from "@prisma/client";
import type { Grade } from "ts-fsrs";
import { db } from "../db";
import { UserError } from "../errors";
import { cardView, type CardView } from "../content/catalogue";
import { gradeSchema, undoSchema } from "../validation/review";
import { studyDayNumber } from "./day";
import { createScheduler, gradeCard, previewIntervals, type CardState } from "./scheduler";
import { dayContextOf, schedulerSettingsOf } from "./settings";
import { pickNext, LEARN_AHEAD_MS } from "./queue";
import { summarizeToday } from "./today";
import { dueCutoff, dueWhere } from "./due";
import { isUniqueViolation } from "../db-errors";

// Everything here takes the user id from the session (callers pass requireUser().id) and
// puts it in every where clause: a card id sent by one user never reaches another's card.

export type ReviewCard = CardView & {
  cardId: string;
  version: number;
  state: number;
  intervals: { rating: number; label: string; due: string }[];
};

export type ReviewState = {
  card: ReviewCard | null;
  counts: { new: number; learning: number; review: number };
  today: { done: number; again: number; timeMs: number };
  nextDueAt: string | null;
  lastLogId: string | null;
};

const cardState = (c: Card): CardState => ({
  id: c.id,
  state: c.state,
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsedDays,
  scheduledDays: c.scheduledDays,
  learningSteps: c.learningSteps,
  reps: c.reps,
  lapses: c.lapses,
  lastReview: c.lastReview,
});

async function loadUser(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserError("Your account no longer exists. Please sign in again.", 401);
  return user;
}

type ReviewUser = Awaited<ReturnType<typeof loadUser>>;

const live = { catalogCard: { retiredAt: null } } as const;

export async function getReviewState(userId: string, now = new Date()): Promise<ReviewState> {
  return reviewStateOf(await loadUser(userId), now);
}

// Grading and undoing answer with the next review state; the user row is read once for both.
export async function gradeAndNext(userId: string, raw: unknown, now = new Date()) {
  const user = await loadUser(userId);
  const result = await gradeAs(user, raw, now);
  return { result, state: await reviewStateOf(user, now) };
}

export async function undoAndNext(userId: string, raw: unknown, now = new Date()) {
  const user = await loadUser(userId);
  const result = await undoReview(user.id, raw, now);
  return { result, state: await reviewStateOf(user, now) };
}

async function reviewStateOf(user: ReviewUser, now: Date): Promise<ReviewState> {
  const userId = user.id;
  const ctx = dayContextOf(user);
  const end = dueCutoff(now, ctx);
  const today = studyDayNumber(now, ctx);

  const [dueCards, todayRows, lastLog] = await Promise.all([
    db.card.findMany({
      where: { userId, ...dueWhere(end), ...live },
      orderBy: [{ due: "asc" }, { id: "asc" }],
      take: 500,
    }),
    // One grouped query gives today's count, time, again-count and new cards introduced.
    db.reviewLog.groupBy({
      by: ["state", "rating"],
      where: { userId, reviewDay: today, undoneAt: null },
      _count: { _all: true },
      _sum: { durationMs: true },
    }),
    db.reviewLog.findFirst({ where: { userId, undoneAt: null }, orderBy: [{ review: "desc" }, { id: "desc" }], select: { id: true } }),
  ]);
  const todayStats = summarizeToday(todayRows.map((r) => ({ state: r.state, rating: r.rating, count: r._count._all, durationMs: r._sum.durationMs ?? 0 })));
  const newLimit = Math.max(0, user.newCardsPerDay - todayStats.introduced);
  const newCards = newLimit
    ? await db.card.findMany({
        where: { userId, state: 0, ...live },
        orderBy: [{ due: "asc" }, { catalogCard: { position: "asc" } }],
        take: newLimit,
      })
    : [];

  const next = pickNext(dueCards, newCards, now);
  let card: ReviewCard | null = null;
  if (next) {
    const view = cardView(next.catalogCardId);
    if (view) {
      const f = createScheduler(schedulerSettingsOf(user));
      card = {
        ...view,
        cardId: next.id,
        version: next.version,
        state: next.state,
        intervals: previewIntervals(f, cardState(next), now).map((p) => ({ rating: p.rating, label: p.label, due: p.due.toISOString() })),
      };
    }
  }

  const learningLater = dueCards.find((c) => (c.state === 1 || c.state === 3) && c.due.getTime() > now.getTime() + LEARN_AHEAD_MS);
  const nextDue = card
    ? null
    : (learningLater ??
      (await db.card.findFirst({ where: { userId, state: { not: 0 }, due: { gte: end }, ...live }, orderBy: { due: "asc" } })));

  return {
    card,
    counts: {
      new: newCards.length,
      learning: dueCards.filter((c) => c.state === 1 || c.state === 3).length,
      review: dueCards.filter((c) => c.state === 2).length,
    },
    today: { done: todayStats.done, again: todayStats.again, timeMs: todayStats.timeMs },
    nextDueAt: nextDue ? nextDue.due.toISOString() : null,
    lastLogId: lastLog?.id ?? null,
  };
}

export type GradeResult = { logId: string; nextDue: string; nextState: number; replay: boolean };

const resultOf = (log: ReviewLog, replay: boolean): GradeResult => ({
  logId: log.id,
  nextDue: log.nextDue.toISOString(),
  nextState: log.nextState,
  replay,
});

async function findByClientId(userId: string, clientId: string) {
  const prior = await db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } } });
  if (prior?.undoneAt) throw new UserError("That review was undone; reload to continue.", 409);
  return prior;
}

export async function gradeReview(userId: string, raw: unknown, now = new Date()): Promise<GradeResult> {
  return gradeAs(await loadUser(userId), raw, now);
}

// A repeated clientId is not looked up first: its grade already moved the card on, so the
// repeat fails the version check (or, racing on PostgreSQL, the unique clientId index), and
// the catch below answers with the first result. The common path stays at three queries.
async function gradeAs(user: ReviewUser, raw: unknown, now: Date): Promise<GradeResult> {
  const parsed = gradeSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid grade", 400);
  const input = parsed.data;
  const userId = user.id;

  try {
    const outcome = await db.$transaction(async (tx) => {
      const card = await tx.card.findFirst({ where: { id: input.cardId, userId, ...live } });
      if (!card) {
        const retired = await tx.card.count({ where: { id: input.cardId, userId } });
        throw retired
          ? new UserError("This card has been retired from the course.", 409)
          : new UserError("No such card in your deck.", 404);
      }
      if (card.version !== input.version) {
        throw new UserError("This card was reviewed or changed elsewhere (another tab?). Reload to see its current state.", 409);
      }
      const f = createScheduler(schedulerSettingsOf(user));
      const { card: next, log } = gradeCard(f, cardState(card), input.rating as Grade, now);
      const nextVersion = card.version + 1;
      // The version in the where clause makes a concurrent grade of the same view lose.
      const updated = await tx.card.updateMany({
        where: { id: card.id, userId, version: card.version },
        data: {
          state: next.state,
          due: next.due,
          stability: next.stability,
          difficulty: next.difficulty,
          elapsedDays: next.elapsedDays,
          scheduledDays: next.scheduledDays,
          learningSteps: next.learningSteps,
          reps: next.reps,
          lapses: next.lapses,
          lastReview: next.lastReview,
          version: nextVersion,
        },
      });
      if (updated.count !== 1) throw new UserError("This card was reviewed elsewhere at the same moment. Reload to continue.", 409);
      const created = await tx.reviewLog.create({
        data: {
          userId,
          cardId: card.id,
          clientId: input.clientId,
          rating: log.rating,
          state: log.state,
          due: log.due,
          stability: log.stability,
          difficulty: log.difficulty,
          elapsedDays: log.elapsedDays,
          lastElapsedDays: log.lastElapsedDays,
          scheduledDays: log.scheduledDays,
          learningSteps: log.learningSteps,
          review: log.review,
          durationMs: input.durationMs,
          reviewDay: studyDayNumber(now, dayContextOf(user)),
          prevDue: card.due,
          prevLastReview: card.lastReview,
          prevElapsedDays: card.elapsedDays,
          prevReps: card.reps,
          prevLapses: card.lapses,
          prevVersion: card.version,
          nextState: next.state,
          nextDue: next.due,
          nextScheduledDays: next.scheduledDays,
          nextStability: next.stability,
          nextVersion,
        },
      });
      return created;
    });
    return resultOf(outcome, false);
  } catch (e) {
    // A repeat of a stored grade, or two copies of one request racing (possible where
    // transactions run side by side, as on PostgreSQL: the unique index let one in).
    const raced = isUniqueViolation(e) || (e instanceof UserError && e.status === 409);
    if (raced) {
      const first = await findByClientId(userId, input.clientId);
      if (first) return resultOf(first, true);
    }
    throw e;
  }
}

export type UndoResult = { cardId: string; replay: boolean };

// Undo marks the log undone (history stays append-only) and restores every card field
// from the log's snapshot, so the card is exactly as it was before that review.
export async function undoReview(userId: string, raw: unknown, now = new Date()): Promise<UndoResult> {
  const parsed = undoSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid request", 400);
  const { logId } = parsed.data;

  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findFirst({ where: { id: logId, userId } });
    if (!log) throw new UserError("No such review.", 404);
    if (log.undoneAt) return { cardId: log.cardId, replay: true };
    const latest = await tx.reviewLog.findFirst({
      where: { userId, undoneAt: null },
      orderBy: [{ review: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== log.id) throw new UserError("Only your most recent review can be undone.", 409);
    const restored = await tx.card.updateMany({
      where: { id: log.cardId, userId, version: log.nextVersion },
      data: {
        state: log.state,
        due: log.prevDue,
        stability: log.stability,
        difficulty: log.difficulty,
        elapsedDays: log.prevElapsedDays,
        scheduledDays: log.scheduledDays,
        learningSteps: log.learningSteps,
        reps: log.prevReps,
        lapses: log.prevLapses,
        lastReview: log.prevLastReview,
        version: { increment: 1 },
      },
    });
    if (restored.count !== 1) throw new UserError("This card changed after that review, so the review can no longer be undone.", 409);
    await tx.reviewLog.update({ where: { id: log.id }, data: { undoneAt: now } });
    return { cardId: log.cardId, replay: false };
  });
}
