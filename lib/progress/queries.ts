import "server-only";
import { State } from "ts-fsrs";
import { sqlDb, sql } from "../db";
import { date, num, str } from "../db/row";
import { settingsOf } from "../settings";
import { getLessons } from "../content/load";
import { TOPIC_LABELS, type Topic } from "../content/schema";
import { studyDayNumber } from "../srs/day";
import { createScheduler } from "../srs/scheduler";
import type { GroupRecall } from "./recall";
import { dayContextOf, schedulerSettingsOf } from "../srs/settings";
import { computeStreak, type Streak } from "./streak";
import { excusedDaysOf } from "./excused-days";
import { trueRetention, RETENTION_WINDOW_DAYS, type Retention } from "./retention";
import { forecastRanges } from "./forecast";
import { effectiveEasyDays, levelOn, type EasyLevel } from "../srs/load-balance";
import { dueCutoff, QUEUED_SQL } from "../srs/due";
import { dailyAllowance } from "../srs/limits";
import { forgettingCurve, retrievabilitySql, retrievabilityValues } from "../srs/recall-sql";
import { summarizeToday } from "../srs/today";
import type { DayCount } from "./series";

// Every number on /progress comes from grouped SQL run by the database (lib/db/sql.ts): no
// statement reads card or review-log rows one by one, so the page costs the same few
// statements for 10 cards or 10,000. Undone reviews (undoneAt set) are excluded everywhere.

export const MATURE_STABILITY_DAYS = 21;
export const FORECAST_DAYS = 30;
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
  // `level`: the day's easy-day level as even days use it (lib/srs/load-balance.ts); "normal"
  // when even days are off.
  forecast: { offset: number; day: number; count: number; level: EasyLevel }[];
  retention: Retention & { windowDays: number; desired: number };
  cardsByState: { new: number; learning: number; review: number; relearning: number; total: number; mature: number };
  // Cards flagged leech, and cards suspended (by hand or by the leech rule).
  leeches: number;
  suspended: number;
  lessons: LessonProgress[];
  topics: { topic: Topic; label: string; recall: GroupRecall }[];
  personalWeights: boolean;
  // Mean recall today of the warning-sign (safety) cards studied, with the learner's own weights.
  safetyRecall: GroupRecall;
};

// Everything on /progress is aggregated by the database: no statement returns a row per card
// or per review. Mean recall is FSRS's forgetting curve evaluated in SQL, with the user's own
// decay and factor and ts-fsrs's elapsed time (whole days since the last review).
export async function getDashboard(userOrId: Parameters<typeof settingsOf>[0], now = new Date()): Promise<Dashboard> {
  const user = await settingsOf(userOrId);
  const userId = user.id;
  const ctx = dayContextOf(user);
  const today = studyDayNumber(now, ctx);
  const ranges = forecastRanges(now, ctx, FORECAST_DAYS);
  const f = createScheduler(schedulerSettingsOf(user));
  const easy = effectiveEasyDays(user);
  const curve = forgettingCurve(f.fsrs.parameters.w);
  const ms = sqlDb.dialect.epochMs('c."lastReview"');

  const excused = excusedDaysOf(userId, today);
  const [recent, perDay, deck, forecastRows, quizBest, quizLatest] = await Promise.all([
    // The last 30 study days grouped by (day, pre-review state, rating): today's tally and
    // true retention both come from this one scan of the covering index.
    sqlDb.all(sql`
      SELECT "reviewDay", "state", "rating", COUNT(*) AS "n", SUM("durationMs") AS "ms" FROM "ReviewLog"
      WHERE "userId" = ${userId} AND "undoneAt" IS NULL AND "reviewDay" > ${today - RETENTION_WINDOW_DAYS} AND "reviewDay" <= ${today}
      GROUP BY "reviewDay", "state", "rating"`),
    // One row per study day with reviews: a few hundred rows a year at most.
    sqlDb.all(
      sql`SELECT "reviewDay", COUNT(*) AS "n" FROM "ReviewLog" WHERE "userId" = ${userId} AND "undoneAt" IS NULL GROUP BY "reviewDay" ORDER BY "reviewDay"`,
    ),
    // Live cards by lesson, topic and state: counts, due now, mature, and the sum of recall.
    sqlDb.all({
      text: `SELECT k."lessonSlug", k."topic", c."state", COUNT(*) AS "n",
          SUM(CASE WHEN c."state" <> 0 AND c."due" < ? AND ${QUEUED_SQL} THEN 1 ELSE 0 END) AS "dueNow",
          SUM(CASE WHEN c."leech" THEN 1 ELSE 0 END) AS "leeches",
          SUM(CASE WHEN c."suspendedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "suspended",
          MAX(u."reviewsPerDay") AS "reviewsPerDay",
          SUM(CASE WHEN c."state" <> 0 AND c."stability" >= ? THEN 1 ELSE 0 END) AS "mature",
          SUM(${retrievabilitySql(ms)}) AS "recall",
          SUM(CASE WHEN k."safety" AND c."state" <> 0 THEN 1 ELSE 0 END) AS "safetyStudied",
          SUM(CASE WHEN k."safety" THEN ${retrievabilitySql(ms)} ELSE NULL END) AS "safetyRecall"
        FROM ${sqlDb.dialect.cardsByCatalogue} JOIN "CatalogCard" k ON k."id" = c."catalogCardId" JOIN "User" u ON u."id" = c."userId"
        WHERE c."userId" = ? AND k."retiredAt" IS NULL
        GROUP BY k."lessonSlug", k."topic", c."state"`,
      // "Due" as in lib/srs/due.ts: before the study day's end (forecast day 0), as /review counts.
      values: [dueCutoff(now, ctx), now, MATURE_STABILITY_DAYS, ...retrievabilityValues(curve, now), ...retrievabilityValues(curve, now), userId],
    }),
    // Studied cards by forecast day: day 0 takes everything overdue.
    sqlDb.all({
      text: `SELECT "b", COUNT(*) AS "n" FROM (
          SELECT CASE ${ranges.map(() => `WHEN c."due" < ? THEN ?`).join(" ")} ELSE -1 END AS "b"
          FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId"
          WHERE c."userId" = ? AND k."retiredAt" IS NULL AND c."suspendedAt" IS NULL AND c."state" <> 0 AND c."due" < ?
        ) AS d GROUP BY "b"`,
      // Suspended cards are out of the forecast; buried ones are still due (from tomorrow).
      values: [...ranges.flatMap((r) => [r.end, r.offset]), userId, ranges[ranges.length - 1]!.end],
    }),
    sqlDb.all(
      sql`SELECT "lessonSlug", "total", MAX("score") AS "best", COUNT(*) AS "n" FROM "QuizAttempt" WHERE "userId" = ${userId} GROUP BY "lessonSlug", "total"`,
    ),
    // Each lesson's latest attempt.
    sqlDb.all(sql`
      SELECT q."lessonSlug", q."score", q."total", q."createdAt" FROM "QuizAttempt" q
      WHERE q."userId" = ${userId} AND NOT EXISTS (
        SELECT 1 FROM "QuizAttempt" r WHERE r."userId" = q."userId" AND r."lessonSlug" = q."lessonSlug"
          AND (r."createdAt" > q."createdAt" OR (r."createdAt" = q."createdAt" AND r."id" > q."id")))`),
  ]);

  const groups = recent.map((r) => ({ day: num(r.reviewDay), state: num(r.state), rating: num(r.rating), count: num(r.n), durationMs: num(r.ms) }));
  const todayStats = summarizeToday(groups.filter((g) => g.day === today));
  const retention = trueRetention(groups.filter((g) => g.state === State.Review));
  const reviewsByDay = perDay.map((r) => ({ day: num(r.reviewDay), count: num(r.n) }));

  const byState = { new: 0, learning: 0, review: 0, relearning: 0, total: 0 };
  const keys = ["new", "learning", "review", "relearning"] as const;
  let learningDue = 0;
  let reviewDue = 0;
  let mature = 0;
  let leeches = 0;
  let suspended = 0;
  let reviewsPerDay = 0;
  const lessonAcc = new Map<string, RecallAcc>();
  const topicAcc = new Map<string, RecallAcc>();
  const safetyAcc: RecallAcc = { cards: 0, studied: 0, sum: 0 };
  for (const r of deck) {
    safetyAcc.studied += num(r.safetyStudied);
    safetyAcc.sum += num(r.safetyRecall);
    const state = num(r.state);
    const n = num(r.n);
    const key = keys[state];
    if (key) byState[key] += n;
    byState.total += n;
    if (state === State.Review) reviewDue += num(r.dueNow);
    else learningDue += num(r.dueNow);
    mature += num(r.mature);
    leeches += num(r.leeches);
    suspended += num(r.suspended);
    reviewsPerDay = Math.max(reviewsPerDay, num(r.reviewsPerDay));
    const studied = state === State.New ? 0 : n;
    addRecall(lessonAcc, str(r.lessonSlug), n, studied, num(r.recall));
    addRecall(topicAcc, str(r.topic), n, studied, num(r.recall));
  }
  // "Due today" is what /review offers: learning steps, plus reviews within the daily limit.
  const reviewedToday = groups.filter((g) => g.day === today && g.state === State.Review).reduce((n, g) => n + g.count, 0);
  const dueNow =
    learningDue +
    dailyAllowance({ newPerDay: user.newCardsPerDay, reviewsPerDay, introduced: todayStats.introduced, reviewed: reviewedToday, reviewDue, newAvailable: 0 })
      .reviews;
  const forecast = ranges.map(() => 0);
  for (const r of forecastRows) {
    const b = num(r.b);
    if (b >= 0 && b < forecast.length) forecast[b] = num(r.n);
  }

  const empty: GroupRecall = { cards: 0, studied: 0, meanRecall: null };
  const lessons: LessonProgress[] = getLessons().map((l) => {
    const mine = quizBest.filter((r) => str(r.lessonSlug) === l.slug);
    const best = mine
      .filter((r) => num(r.total) > 0)
      .map((r) => ({ score: num(r.best), total: num(r.total) }))
      .sort((a, b) => b.score / b.total - a.score / a.total)[0];
    const last = quizLatest.find((r) => str(r.lessonSlug) === l.slug);
    return {
      slug: l.slug,
      title: l.title,
      topic: l.topic,
      recall: recallOf(lessonAcc.get(l.slug)) ?? empty,
      quiz: {
        attempts: mine.reduce((n, r) => n + num(r.n), 0),
        best: best ?? null,
        latest: last ? { score: num(last.score), total: num(last.total), at: date(last.createdAt).toISOString() } : null,
      },
    };
  });
  const topics = (Object.keys(TOPIC_LABELS) as Topic[]).map((topic) => ({ topic, label: TOPIC_LABELS[topic], recall: recallOf(topicAcc.get(topic)) ?? empty }));

  return {
    today,
    timeZone: ctx.timeZone,
    rolloverHour: ctx.rolloverHour,
    dueNow,
    doneToday: todayStats.done,
    newToday: todayStats.introduced,
    msToday: todayStats.timeMs,
    streak: computeStreak(
      reviewsByDay.map((r) => r.day),
      today,
      await excused,
    ),
    reviewsByDay: reviewsByDay.filter((r) => r.day > today - HEATMAP_WEEKS * 7),
    forecast: forecast.map((count, offset) => ({ offset, day: today + offset, count, level: easy ? levelOn(today + offset, easy) : "normal" })),
    retention: { ...retention, windowDays: RETENTION_WINDOW_DAYS, desired: user.desiredRetention },
    cardsByState: { ...byState, mature },
    leeches,
    suspended,
    lessons,
    topics,
    personalWeights: user.fsrsWeights != null,
    safetyRecall: { cards: safetyAcc.studied, studied: safetyAcc.studied, meanRecall: safetyAcc.studied ? safetyAcc.sum / safetyAcc.studied : null },
  };
}

type RecallAcc = { cards: number; studied: number; sum: number };

function addRecall(m: Map<string, RecallAcc>, key: string, cards: number, studied: number, sum: number) {
  const a = m.get(key) ?? { cards: 0, studied: 0, sum: 0 };
  a.cards += cards;
  a.studied += studied;
  a.sum += sum;
  m.set(key, a);
}

const recallOf = (a: RecallAcc | undefined): GroupRecall | undefined =>
  a && { cards: a.cards, studied: a.studied, meanRecall: a.studied ? a.sum / a.studied : null };
