import "server-only";
import { State } from "ts-fsrs";
import { sql, type Expression, type SqlBool } from "kysely";
import { kdb } from "../db";
import { prepared } from "../db/prepared";
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
import { dueCutoff } from "../srs/due";
import { dueAndQueued, dueBefore, liveCards, liveCardsByCatalogue, studied } from "../srs/card-queries";
import { dailyAllowance } from "../srs/limits";
import { forgettingCurve, recallAt, retrievabilityOf, type RecallAt } from "../srs/recall-sql";
import { summarizeToday } from "../srs/today";
import type { DayCount } from "./series";
import { MASTERED_STABILITY_DAYS, type DeckTally } from "../learn/mastery-level";

// Every number on /progress comes from grouped queries run by the database (Kysely): no
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
  // The live cards counted by lesson as the lesson levels use them (lib/learn/mastery.ts), from
  // the same statement as the recall above, so the page sums recall once.
  deckTallies: Record<string, DeckTally>;
};

const one = sql.lit(1);
const zero = sql.lit(0);

// Live cards by lesson, topic and state: counts, due now, mature, and the sum of recall. Compiled
// once (lib/db/prepared.ts), as is the forecast below: these are /progress's largest queries.
// "Due" as in lib/srs/due.ts: before the study day's end (forecast day 0), as /review counts.
const deckQuery = prepared((db, p: { userId: string; cutoff: Date; now: Date } & RecallAt) => {
  const recall = retrievabilityOf(db, p);
  // Grouped by the warning-sign flag too, so that the warning signs' recall is part of the same
  // sum, not a second evaluation of the curve for every card.
  return liveCardsByCatalogue(db, p.userId)
    .select((e) => {
      const count = (when: Expression<SqlBool>) => e.fn.sum(e.case().when(when).then(one).else(zero).end());
      return [
        "k.lessonSlug",
        "k.topic",
        "c.state",
        e.fn.countAll().as("n"),
        count(dueAndQueued(p.cutoff, p.now)).as("dueNow"),
        count(e("c.leech", "=", sql.lit(true))).as("leeches"),
        count(e("c.suspendedAt", "is not", null)).as("suspended"),
        count(e.and([studied(), e("c.stability", ">=", sql.lit(MATURE_STABILITY_DAYS))])).as("mature"),
        "k.safety",
        e.fn.sum(recall).as("recall"),
        // The lesson levels' tally (mastery-level.ts DeckTally): studied and reviewed at least once.
        count(e.and([studied(), e("c.lastReview", "is not", null)])).as("reviewed"),
        count(e.and([studied(), e("c.lastReview", "is not", null), e("c.stability", ">=", sql.lit(MASTERED_STABILITY_DAYS))])).as("lasting"),
      ];
    })
    .groupBy(["k.lessonSlug", "k.topic", "c.state", "k.safety"]);
});

// Studied cards by forecast day (`end0` … the end of each of the FORECAST_DAYS study days): day
// 0 takes everything overdue. Suspended cards are out of the forecast; buried ones are still due
// (from tomorrow).
const forecastQuery = prepared((db, p: { userId: string } & Record<`end${number}`, Date>) =>
  db
    .selectFrom(
      liveCards(db, p.userId)
        .where("c.suspendedAt", "is", null)
        .where(dueBefore(p[`end${FORECAST_DAYS - 1}`]))
        .select((e) => {
          let day = e.case().when("c.due", "<", p.end0).then(sql.lit(0));
          for (let i = 1; i < FORECAST_DAYS; i++) day = day.when("c.due", "<", p[`end${i}`]).then(sql.lit(i));
          return day.else(sql.lit(-1)).end().as("b");
        })
        .as("d"),
    )
    .select((e) => ["d.b", e.fn.countAll().as("n")])
    .groupBy("d.b"),
);

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
  const logs = () => kdb.selectFrom("ReviewLog").where("userId", "=", userId).where("undoneAt", "is", null);

  const excused = excusedDaysOf(userId, today);
  const [recent, perDay, deck, forecastRows, quizBest, quizLatest] = await Promise.all([
    // The last 30 study days grouped by (day, pre-review state, rating): today's tally and
    // true retention both come from this one scan of the covering index.
    logs()
      .where("reviewDay", ">", today - RETENTION_WINDOW_DAYS)
      .where("reviewDay", "<=", today)
      .select((e) => ["reviewDay", "state", "rating", e.fn.countAll().as("n"), e.fn.sum("durationMs").as("ms")])
      .groupBy(["reviewDay", "state", "rating"])
      .execute(),
    // One row per study day with reviews: a few hundred rows a year at most.
    logs()
      .select((e) => ["reviewDay", e.fn.countAll().as("n")])
      .groupBy("reviewDay")
      .orderBy("reviewDay")
      .execute(),
    deckQuery(kdb, { userId, cutoff: dueCutoff(now, ctx), now, ...recallAt(forgettingCurve(f.fsrs.parameters.w), now) }).then((r) => r.rows),
    forecastQuery(kdb, { userId, ...Object.fromEntries(ranges.map((r, i) => [`end${i}`, r.end])) }).then((r) => r.rows),
    kdb
      .selectFrom("QuizAttempt")
      .select((e) => ["lessonSlug", "total", e.fn.max("score").as("best"), e.fn.countAll().as("n")])
      .where("userId", "=", userId)
      .groupBy(["lessonSlug", "total"])
      .execute(),
    // Each lesson's latest attempt.
    kdb
      .selectFrom("QuizAttempt as q")
      .select(["q.lessonSlug", "q.score", "q.total", "q.createdAt"])
      .where("q.userId", "=", userId)
      .where((e) =>
        e.not(
          e.exists(
            e
              .selectFrom("QuizAttempt as r")
              .select(sql.lit(1).as("x"))
              .whereRef("r.userId", "=", "q.userId")
              .whereRef("r.lessonSlug", "=", "q.lessonSlug")
              .where((f) =>
                f.or([f("r.createdAt", ">", f.ref("q.createdAt")), f.and([f("r.createdAt", "=", f.ref("q.createdAt")), f("r.id", ">", f.ref("q.id"))])]),
              ),
          ),
        ),
      )
      .execute(),
  ]);

  const groups = recent.map((r) => ({ day: r.reviewDay, state: r.state, rating: r.rating, count: Number(r.n), durationMs: Number(r.ms ?? 0) }));
  const todayStats = summarizeToday(groups.filter((g) => g.day === today));
  const retention = trueRetention(groups.filter((g) => g.state === State.Review));
  const reviewsByDay = perDay.map((r) => ({ day: r.reviewDay, count: Number(r.n) }));

  const byState = { new: 0, learning: 0, review: 0, relearning: 0, total: 0 };
  const keys = ["new", "learning", "review", "relearning"] as const;
  let learningDue = 0;
  let reviewDue = 0;
  let mature = 0;
  let leeches = 0;
  let suspended = 0;
  const lessonAcc = new Map<string, RecallAcc>();
  const topicAcc = new Map<string, RecallAcc>();
  const safetyAcc: RecallAcc = { cards: 0, studied: 0, sum: 0 };
  // Per lesson: cards in the deck, cards reviewed, their summed recall, and those lasting.
  const tallyAcc = new Map<string, { inDeck: number; studied: number; sum: number; lasting: number }>();
  for (const r of deck) {
    const state = r.state;
    const n = Number(r.n);
    if (r.safety && state !== State.New) {
      safetyAcc.studied += n;
      safetyAcc.sum += Number(r.recall ?? 0);
    }
    const key = keys[state];
    if (key) byState[key] += n;
    byState.total += n;
    if (state === State.Review) reviewDue += Number(r.dueNow ?? 0);
    else learningDue += Number(r.dueNow ?? 0);
    mature += Number(r.mature ?? 0);
    leeches += Number(r.leeches ?? 0);
    suspended += Number(r.suspended ?? 0);
    const studied = state === State.New ? 0 : n;
    addRecall(lessonAcc, r.lessonSlug, n, studied, Number(r.recall ?? 0));
    addRecall(topicAcc, r.topic, n, studied, Number(r.recall ?? 0));
    const t = tallyAcc.get(r.lessonSlug) ?? { inDeck: 0, studied: 0, sum: 0, lasting: 0 };
    t.inDeck += n;
    t.studied += Number(r.reviewed ?? 0);
    t.sum += Number(r.recall ?? 0);
    t.lasting += Number(r.lasting ?? 0);
    tallyAcc.set(r.lessonSlug, t);
  }
  const deckTallies: Record<string, DeckTally> = {};
  for (const [slug, t] of tallyAcc)
    deckTallies[slug] = { inDeck: t.inDeck, studied: t.studied, meanRecall: t.studied ? t.sum / t.studied : 0, lasting: t.lasting };
  // "Due today" is what /review offers: learning steps, plus reviews within the daily limit.
  const reviewedToday = groups.filter((g) => g.day === today && g.state === State.Review).reduce((n, g) => n + g.count, 0);
  const dueNow =
    learningDue +
    dailyAllowance({
      newPerDay: user.newCardsPerDay,
      reviewsPerDay: user.reviewsPerDay,
      introduced: todayStats.introduced,
      reviewed: reviewedToday,
      reviewDue,
      newAvailable: 0,
    }).reviews;
  const forecast = ranges.map(() => 0);
  for (const r of forecastRows) {
    const b = Number(r.b);
    if (b >= 0 && b < forecast.length) forecast[b] = Number(r.n);
  }

  const empty: GroupRecall = { cards: 0, studied: 0, meanRecall: null };
  const lessons: LessonProgress[] = getLessons().map((l) => {
    const mine = quizBest.filter((r) => r.lessonSlug === l.slug);
    const best = mine
      .filter((r) => r.total > 0)
      .map((r) => ({ score: Number(r.best), total: r.total }))
      .sort((a, b) => b.score / b.total - a.score / a.total)[0];
    const last = quizLatest.find((r) => r.lessonSlug === l.slug);
    return {
      slug: l.slug,
      title: l.title,
      topic: l.topic,
      recall: recallOf(lessonAcc.get(l.slug)) ?? empty,
      quiz: {
        attempts: mine.reduce((n, r) => n + Number(r.n), 0),
        best: best ?? null,
        latest: last ? { score: last.score, total: last.total, at: last.createdAt.toISOString() } : null,
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
    deckTallies,
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
