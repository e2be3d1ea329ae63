import "server-only";
import { db } from "../db";
import { UserError } from "../errors";
import { getLessons } from "../content/load";
import { TOPIC_LABELS, type Topic } from "../content/schema";
import { studyDayNumber } from "../srs/day";
import { createScheduler, retrievability } from "../srs/scheduler";
import { dayContextOf, schedulerSettingsOf } from "../srs/settings";
import { computeStreak, type Streak } from "./streak";
import { trueRetention, RETENTION_WINDOW_DAYS, STATE_REVIEW, type Retention } from "./retention";
import { forecastRanges } from "./forecast";
import { meanRecallBy, type GroupRecall } from "./recall";
import type { DayCount } from "./series";

// Every number on /progress comes from grouped queries (groupBy / count / aggregate) run by
// the database; no query here reads review-log rows. The exception is per-card recall
// probability, which needs each card's memory state: a user has at most a few thousand
// cards, so only the columns ts-fsrs needs are selected. Undone reviews (undoneAt set) are
// excluded everywhere.

export const MATURE_STABILITY_DAYS = 21;
export const FORECAST_DAYS = 30;
export const BAR_DAYS = 30;
export const HEATMAP_WEEKS = 53;

export type LessonProgress = {
  slug: string;
  title: string;
  topic: Topic;
  recall: GroupRecall;
  quiz: { attempts: number; best: { score: number; total: number } | null; latest: { score: number; total: number; at: string } | null };
};

export type Dashboard = {
  today: number;
  timeZone: string;
  rolloverHour: number;
  dueNow: number;
  doneToday: number;
  newToday: number;
  msToday: number;
  streak: Streak;
  reviewsByDay: DayCount[];
  forecast: { offset: number; day: number; count: number }[];
  retention: Retention & { windowDays: number; desired: number };
  cardsByState: { new: number; learning: number; review: number; relearning: number; total: number; mature: number };
  lessons: LessonProgress[];
  topics: { topic: Topic; label: string; recall: GroupRecall }[];
  personalWeights: boolean;
};

const live = { catalogCard: { retiredAt: null } } as const;

export async function getDashboard(userId: string, now = new Date()): Promise<Dashboard> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { timeZone: true, dayRolloverHour: true, desiredRetention: true, maximumInterval: true, enableFuzz: true, fsrsWeights: true },
  });
  if (!user) throw new UserError("Your account no longer exists. Please sign in again.", 401);
  const ctx = dayContextOf(user);
  const today = studyDayNumber(now, ctx);
  const logs = { userId, undoneAt: null };
  const ranges = forecastRanges(now, ctx, FORECAST_DAYS);

  const [todayAgg, newToday, dueNow, perDay, retentionRows, byState, mature, forecastCounts] = await Promise.all([
    db.reviewLog.aggregate({ where: { ...logs, reviewDay: today }, _count: true, _sum: { durationMs: true } }),
    db.reviewLog.count({ where: { ...logs, reviewDay: today, state: 0 } }),
    db.card.count({ where: { userId, state: { not: 0 }, due: { lte: now }, ...live } }),
    // One row per study day with reviews: a few hundred rows a year at most.
    db.reviewLog.groupBy({ by: ["reviewDay"], where: logs, _count: { _all: true }, orderBy: { reviewDay: "asc" } }),
    db.reviewLog.groupBy({
      by: ["rating"],
      where: { ...logs, state: STATE_REVIEW, reviewDay: { gt: today - RETENTION_WINDOW_DAYS, lte: today } },
      _count: { _all: true },
    }),
    db.card.groupBy({ by: ["state"], where: { userId, ...live }, _count: { _all: true } }),
    db.card.count({ where: { userId, state: { not: 0 }, stability: { gte: MATURE_STABILITY_DAYS }, ...live } }),
    Promise.all(
      ranges.map((r) =>
        db.card.count({ where: { userId, state: { not: 0 }, due: r.start ? { gte: r.start, lt: r.end } : { lt: r.end }, ...live } }),
      ),
    ),
  ]);

  const stateCount = (s: number) => byState.find((r) => r.state === s)?._count._all ?? 0;
  const reviewsByDay = perDay.map((r) => ({ day: r.reviewDay, count: r._count._all }));
  const { lessons, topics } = await lessonProgress(userId, user, now);

  return {
    today,
    timeZone: ctx.timeZone,
    rolloverHour: ctx.rolloverHour,
    dueNow,
    doneToday: todayAgg._count,
    newToday,
    msToday: todayAgg._sum.durationMs ?? 0,
    streak: computeStreak(reviewsByDay.map((r) => r.day), today),
    reviewsByDay: reviewsByDay.filter((r) => r.day > today - HEATMAP_WEEKS * 7),
    forecast: forecastCounts.map((count, offset) => ({ offset, day: today + offset, count })),
    retention: {
      ...trueRetention(retentionRows.map((r) => ({ rating: r.rating, count: r._count._all }))),
      windowDays: RETENTION_WINDOW_DAYS,
      desired: user.desiredRetention,
    },
    cardsByState: {
      new: stateCount(0),
      learning: stateCount(1),
      review: stateCount(2),
      relearning: stateCount(3),
      total: byState.reduce((n, r) => n + r._count._all, 0),
      mature,
    },
    lessons,
    topics,
    personalWeights: user.fsrsWeights != null,
  };
}

type SettingsRow = Parameters<typeof schedulerSettingsOf>[0];

async function lessonProgress(userId: string, user: SettingsRow, now: Date) {
  const [cards, bestRows, latestRows] = await Promise.all([
    db.card.findMany({
      where: { userId, ...live },
      select: {
        id: true, state: true, due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true,
        learningSteps: true, reps: true, lapses: true, lastReview: true, catalogCard: { select: { lessonSlug: true, topic: true } },
      },
    }),
    db.quizAttempt.groupBy({ by: ["lessonSlug", "total"], where: { userId }, _max: { score: true }, _count: { _all: true } }),
    db.quizAttempt.groupBy({ by: ["lessonSlug"], where: { userId }, _max: { createdAt: true } }),
  ]);
  const latest = await Promise.all(
    latestRows.map((r) =>
      db.quizAttempt.findFirst({
        where: { userId, lessonSlug: r.lessonSlug, createdAt: r._max.createdAt ?? undefined },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { lessonSlug: true, score: true, total: true, createdAt: true },
      }),
    ),
  );

  // Recall with the user's own parameters (personal weights, if applied).
  const f = createScheduler(schedulerSettingsOf(user));
  const recalls = cards.map((c) => ({
    lesson: c.catalogCard.lessonSlug,
    topic: c.catalogCard.topic,
    state: c.state,
    recall: c.state === 0 ? NaN : retrievability(f, c, now),
  }));
  const byLesson = meanRecallBy(recalls.map((r) => ({ group: r.lesson, state: r.state, recall: r.recall })));
  const byTopic = meanRecallBy(recalls.map((r) => ({ group: r.topic, state: r.state, recall: r.recall })));
  const empty: GroupRecall = { cards: 0, studied: 0, meanRecall: null };

  const lessons: LessonProgress[] = getLessons().map((l) => {
    const best = bestRows
      .filter((r) => r.lessonSlug === l.slug && r.total > 0)
      .map((r) => ({ score: r._max.score ?? 0, total: r.total }))
      .sort((a, b) => b.score / b.total - a.score / a.total)[0];
    const last = latest.find((r) => r?.lessonSlug === l.slug);
    return {
      slug: l.slug,
      title: l.title,
      topic: l.topic,
      recall: byLesson.get(l.slug) ?? empty,
      quiz: {
        attempts: bestRows.filter((r) => r.lessonSlug === l.slug).reduce((n, r) => n + r._count._all, 0),
        best: best ?? null,
        latest: last ? { score: last.score, total: last.total, at: last.createdAt.toISOString() } : null,
      },
    };
  });
  const topics = (Object.keys(TOPIC_LABELS) as Topic[]).map((topic) => ({ topic, label: TOPIC_LABELS[topic], recall: byTopic.get(topic) ?? empty }));
  return { lessons, topics };
}
