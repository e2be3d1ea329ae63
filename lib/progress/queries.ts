import "server-only";
import { db } from "../db";
import { UserError } from "../errors";
import { getLessons } from "../content/load";
import { TOPIC_LABELS, type Topic } from "../content/schema";
import { studyDayNumber } from "../srs/day";
import { createScheduler, retrievability, type MemoryState } from "../srs/scheduler";
import { dayContextOf, schedulerSettingsOf } from "../srs/settings";
import { computeStreak, type Streak } from "./streak";
import { trueRetention, RETENTION_WINDOW_DAYS, STATE_REVIEW, type Retention } from "./retention";
import { forecastRanges } from "./forecast";
import { summarizeDeck } from "./deck";
import { summarizeToday } from "../srs/today";
import { meanRecallBy, type GroupRecall } from "./recall";
import type { DayCount } from "./series";

// Review-log numbers on /progress come from grouped queries (groupBy / count / aggregate) run
// by the database; no query here reads review-log rows. Per-card recall needs each card's
// memory state, so the live cards are read once (only the columns ts-fsrs needs), and the
// card counts and the forecast are worked out from that same list. Undone reviews (undoneAt
// set) are excluded everywhere.

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

  const [recent, perDay, cards] = await Promise.all([
    // The last 30 study days grouped by (day, pre-review state, rating): today's tally and
    // true retention both come from this one scan.
    db.reviewLog.groupBy({
      by: ["reviewDay", "state", "rating"],
      where: { ...logs, reviewDay: { gt: today - RETENTION_WINDOW_DAYS, lte: today } },
      _count: { _all: true },
      _sum: { durationMs: true },
    }),
    // One row per study day with reviews: a few hundred rows a year at most.
    db.reviewLog.groupBy({ by: ["reviewDay"], where: logs, _count: { _all: true }, orderBy: { reviewDay: "asc" } }),
    liveDeck(userId),
  ]);

  const groups = recent.map((r) => ({ day: r.reviewDay, state: r.state, rating: r.rating, count: r._count._all, durationMs: r._sum.durationMs ?? 0 }));
  const todayStats = summarizeToday(groups.filter((g) => g.day === today));
  const retention = trueRetention(groups.filter((g) => g.state === STATE_REVIEW));
  const deck = summarizeDeck(cards, now, ranges, MATURE_STABILITY_DAYS);
  const reviewsByDay = perDay.map((r) => ({ day: r.reviewDay, count: r._count._all }));
  const { lessons, topics } = await lessonProgress(userId, user, cards, now);

  return {
    today,
    timeZone: ctx.timeZone,
    rolloverHour: ctx.rolloverHour,
    dueNow: deck.dueNow,
    doneToday: todayStats.done,
    newToday: todayStats.introduced,
    msToday: todayStats.timeMs,
    streak: computeStreak(reviewsByDay.map((r) => r.day), today),
    reviewsByDay: reviewsByDay.filter((r) => r.day > today - HEATMAP_WEEKS * 7),
    forecast: deck.forecast.map((count, offset) => ({ offset, day: today + offset, count })),
    retention: {
      ...retention,
      windowDays: RETENTION_WINDOW_DAYS,
      desired: user.desiredRetention,
    },
    cardsByState: { ...deck.byState, mature: deck.mature },
    lessons,
    topics,
    personalWeights: user.fsrsWeights != null,
  };
}

type SettingsRow = Parameters<typeof schedulerSettingsOf>[0];

type DeckRow = MemoryState & { lessonSlug: string; topic: string };

// The user's live cards with their lesson and topic, in one joined query: Prisma's relation
// include would send a second query listing every card id. Only the memory state is read
// (recall needs no more), since converting each column of 10,000 rows is most of the cost.
// Plain SQL with quoted names, so SQLite and PostgreSQL both accept it; values are
// normalised because the drivers return different types.
async function liveDeck(userId: string): Promise<DeckRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT c."state", c."due", c."stability", c."lastReview", k."lessonSlug", k."topic"
    FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId"
    WHERE c."userId" = ${userId} AND k."retiredAt" IS NULL`;
  return rows.map((r) => ({
    state: Number(r.state),
    due: new Date(r.due as Date | string),
    stability: Number(r.stability),
    lastReview: r.lastReview == null ? null : new Date(r.lastReview as Date | string),
    lessonSlug: String(r.lessonSlug),
    topic: String(r.topic),
  }));
}

async function lessonProgress(userId: string, user: SettingsRow, cards: DeckRow[], now: Date) {
  const [bestRows, latestRows] = await Promise.all([
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
    lesson: c.lessonSlug,
    topic: c.topic,
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
