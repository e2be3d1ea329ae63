import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { Rating, State, default_w, forgetting_curve } from "ts-fsrs";
import { db } from "@/lib/db";
import { getDashboard } from "@/lib/progress/queries";
import { getLessonMastery } from "@/lib/learn/mastery";
import { createScheduler, retrievability } from "@/lib/srs/scheduler";
import { schedulerSettingsOf } from "@/lib/srs/settings";
import { readSettings } from "@/lib/settings";
import { getReviewState } from "@/lib/srs/review";
import { studyDayNumber } from "@/lib/srs/day";
import { isPostgresUrl, sqliteFilePath } from "@/lib/db/url";
import { makeUser } from "./helpers";
import { deckOf, logRow } from "./progress-fixtures";
import { env } from "@/lib/env";

const NOW = new Date("2026-04-15T12:00:00Z");
const DAY = 86_400_000;
const TODAY = studyDayNumber(NOW, { timeZone: "UTC", rolloverHour: 4 });

// A user whose numbers are worked out by hand below.
async function fixtureUser() {
  const u = await makeUser();
  const [a, b, c, d] = await deckOf(u.id, 4);
  const L = (cardId: string, dayOffset: number, rating: number, state: number, extra: Partial<Parameters<typeof logRow>[1]> = {}) =>
    logRow(u.id, { cardId, reviewDay: TODAY + dayOffset, rating, state, ...extra });
  await db.reviewLog.createMany({
    data: [
      // today: one new card, two review-state reviews (one Again); 2 minutes in all
      L(a!.id, 0, 3, 0, { durationMs: 60_000 }),
      L(b!.id, 0, 1, 2, { durationMs: 30_000 }),
      L(c!.id, 0, 3, 2, { durationMs: 30_000 }),
      // undone today: counted nowhere
      L(d!.id, 0, 1, 2, { durationMs: 600_000, undone: true }),
      L(d!.id, 0, 3, 0, { durationMs: 600_000, undone: true }),
      L(d!.id, -3, 1, 2, { undone: true }),
      // yesterday and the day before
      L(c!.id, -1, 3, 2),
      L(d!.id, -1, 4, 2),
      L(d!.id, -2, 1, 2),
      // a gap on day -3, then older history
      L(a!.id, -4, 3, 1),
      ...Array.from({ length: 5 }, () => L(b!.id, -40, 1, 2)),
    ],
  });
  const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
  await db.card.update({
    where: { id: a!.id },
    data: { state: State.Learning, due: new Date(NOW.getTime() - 3_600_000), stability: 2, difficulty: 5, lastReview: ago(1), reps: 2 },
  });
  await db.card.update({
    where: { id: b!.id },
    data: { state: State.Relearning, due: new Date(NOW.getTime() + 5 * 60_000), stability: 4, difficulty: 7, lastReview: ago(2), reps: 6, lapses: 2 },
  });
  await db.card.update({
    where: { id: c!.id },
    data: { state: State.Review, due: new Date(NOW.getTime() + 3 * DAY), stability: 30, difficulty: 4, lastReview: ago(10), reps: 5 },
  });
  await db.card.update({
    where: { id: d!.id },
    data: { state: State.Review, due: new Date(NOW.getTime() - 2 * DAY), stability: 5, difficulty: 6, lastReview: ago(7), reps: 4 },
  });
  const lesson = (await db.catalogCard.findUniqueOrThrow({ where: { id: a!.catalogCardId } })).lessonSlug;
  const quiz = (score: number, minutes: number) => ({
    userId: u.id,
    lessonSlug: lesson,
    clientId: randomUUID(),
    score,
    total: 5,
    answers: "[]",
    createdAt: new Date(NOW.getTime() - minutes * 60_000),
  });
  await db.quizAttempt.createMany({ data: [quiz(3, 300), quiz(5, 200), quiz(4, 100)] });
  return { u, lesson, cards: { a: a!, b: b!, c: c!, d: d! } };
}

// Prisma's createMany is slow for 100,000 rows, so the large fixture goes in through the
// driver: better-sqlite3 for SQLite, multi-row INSERTs through pg for PostgreSQL.
async function bulkInsertLogs(rows: ReturnType<typeof logRow>[]) {
  const url = env().DATABASE_URL;
  const cols = ["id", ...Object.keys(rows[0]!)];
  const values = (r: ReturnType<typeof logRow>) => [randomUUID(), ...cols.slice(1).map((c) => r[c as keyof typeof r])];
  const quoted = cols.map((c) => `"${c}"`).join(", ");
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const params = chunk.flatMap(values);
      const tuples = chunk.map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(", ")})`).join(", ");
      await client.query(`INSERT INTO "ReviewLog" (${quoted}) VALUES ${tuples}`, params);
    }
    await client.end();
    return;
  }
  const sqlite = new Database(sqliteFilePath(url));
  sqlite.pragma("busy_timeout = 5000");
  const insert = sqlite.prepare(`INSERT INTO "ReviewLog" (${quoted}) VALUES (${cols.map(() => "?").join(", ")})`);
  // Prisma stores DateTime in SQLite as epoch milliseconds.
  const sqliteValue = (v: unknown) => (v instanceof Date ? v.getTime() : v);
  sqlite.transaction(() => {
    for (const r of rows) insert.run(...values(r).map(sqliteValue));
  })();
  sqlite.close();
}

describe("the progress dashboard", () => {
  it("matches hand-computed numbers and ignores undone reviews", async () => {
    const { u, lesson } = await fixtureUser();
    const d = await getDashboard(u.id, NOW);
    const deck = await db.card.count({ where: { userId: u.id } });

    expect(d.today).toBe(TODAY);
    // Due today: a (an hour ago), b (a learning step in 5 minutes) and d (overdue), the
    // forecast's day 0 and exactly what the review queue counts.
    expect(d).toMatchObject({ dueNow: 3, doneToday: 3, newToday: 1, msToday: 120_000 });
    const queue = await getReviewState(u.id, NOW);
    expect(queue.counts.learning + queue.counts.review).toBe(d.dueNow);
    // Days -4, -2, -1 and today, the missed day -3 repaired (one a week).
    expect(d.streak).toMatchObject({ current: 4, longest: 4, reviewedToday: true, repaired: [TODAY - 3] });
    expect(d.reviewsByDay).toEqual([
      { day: TODAY - 40, count: 5 },
      { day: TODAY - 4, count: 1 },
      { day: TODAY - 2, count: 1 },
      { day: TODAY - 1, count: 2 },
      { day: TODAY, count: 3 },
    ]);
    // Review-state reviews in the last 30 days: Again, Good (today), Good, Easy (-1), Again (-2) = 3 of 5.
    expect(d.retention).toMatchObject({ passed: 3, total: 5, ratio: 0.6, desired: 0.9, windowDays: 30 });
    expect(d.cardsByState).toEqual({ new: deck - 4, learning: 1, review: 2, relearning: 1, total: deck, mature: 1 });
    // Day 0: a (due an hour ago), b (in 5 minutes), d (overdue); c on day 3.
    expect(d.forecast.length).toBe(30);
    expect(d.forecast[0]).toEqual({ offset: 0, day: TODAY, count: 3, level: "normal" });
    expect(d.forecast[3]!.count).toBe(1);
    expect(d.forecast.reduce((n, f) => n + f.count, 0)).toBe(4);

    const l = d.lessons.find((x) => x.slug === lesson)!;
    const expected = [
      [1, 2],
      [2, 4],
      [10, 30],
      [7, 5],
    ].map(([t, s]) => forgetting_curve(default_w, t!, s!));
    expect(l.recall.studied).toBe(4);
    expect(l.recall.meanRecall).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 4, 6);
    expect(l.quiz).toMatchObject({ attempts: 3, best: { score: 5, total: 5 }, latest: { score: 4, total: 5 } });
    expect(d.topics.find((t) => t.topic === l.topic)!.recall.studied).toBe(4);
  });

  it("gives the lesson levels the tally of each lesson's cards, counted card by card, and the levels their own statement gives", async () => {
    const { u, cards } = await fixtureUser();
    // Edge cases of the tally: studied but never reviewed (no recall), and a stability of 0.
    await db.card.update({ where: { id: cards.c.id }, data: { lastReview: null } });
    await db.card.update({ where: { id: cards.d.id }, data: { stability: 0 } });
    const w = [...default_w];
    w[20] = 0.3;
    await db.user.update({ where: { id: u.id }, data: { fsrsWeights: JSON.stringify(w) } });
    const d = await getDashboard(u.id, NOW);

    const f = createScheduler(schedulerSettingsOf(await readSettings(u.id)));
    const mine = await db.card.findMany({ where: { userId: u.id, catalogCard: { retiredAt: null } }, include: { catalogCard: true } });
    const bySlug: Record<string, typeof mine> = {};
    for (const c of mine) (bySlug[c.catalogCard.lessonSlug] ??= []).push(c);
    expect(Object.keys(d.deckTallies).sort()).toEqual(Object.keys(bySlug).sort());
    for (const [slug, list] of Object.entries(bySlug)) {
      const reviewed = list.filter((c) => c.state !== State.New && c.lastReview !== null);
      const recall = reviewed.map((c) => (c.stability > 0 ? retrievability(f, c, NOW) : 0));
      const t = d.deckTallies[slug]!;
      expect(t).toMatchObject({ inDeck: list.length, studied: reviewed.length, lasting: reviewed.filter((c) => c.stability >= 21).length });
      expect(t.meanRecall).toBeCloseTo(reviewed.length ? recall.reduce((a, b) => a + b, 0) / reviewed.length : 0, 6);
    }
    expect(await getLessonMastery(u.id, NOW, { tallies: d.deckTallies })).toEqual(await getLessonMastery(u.id, NOW));
  });

  it("estimates recall with the user's own parameters", async () => {
    const { u, lesson } = await fixtureUser();
    const w = [...default_w];
    w[20] = 0.5; // a steeper forgetting curve than the default decay
    await db.user.update({ where: { id: u.id }, data: { fsrsWeights: JSON.stringify(w) } });
    const d = await getDashboard(u.id, NOW);
    const expected = [
      [1, 2],
      [2, 4],
      [10, 30],
      [7, 5],
    ].map(([t, s]) => forgetting_curve(w, t!, s!));
    expect(d.personalWeights).toBe(true);
    expect(d.lessons.find((x) => x.slug === lesson)!.recall.meanRecall).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 4, 6);
  });

  it("does not break the streak before today's first review, and counts days in the user's zone", async () => {
    const u = await makeUser({ timeZone: "Asia/Tokyo" });
    const [a] = await deckOf(u.id, 1);
    const now = new Date("2026-04-15T20:30:00Z"); // 05:30 on 16 April in Tokyo
    const today = studyDayNumber(now, { timeZone: "Asia/Tokyo", rolloverHour: 4 });
    expect(today).toBe(Date.UTC(2026, 3, 16) / DAY);
    await db.reviewLog.createMany({
      data: [1, 2, 3].map((k) => logRow(u.id, { cardId: a!.id, reviewDay: today - k, rating: Rating.Good, state: State.Review })),
    });
    const d = await getDashboard(u.id, now);
    expect(d.streak).toMatchObject({ current: 3, longest: 3, reviewedToday: false });
    expect(d.doneToday).toBe(0);
  });

  // The speed target for this size lives in `npm run bench`; this checks the grouped queries
  // give the right numbers at that size.
  it("computes the dashboard in the database for a user with 100,000 review logs", async () => {
    const u = await makeUser();
    const cards = await deckOf(u.id, 80);
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      logRow(u.id, {
        cardId: cards[i % cards.length]!.id,
        reviewDay: TODAY - 1000 + Math.floor(i / 100),
        rating: Rating.Again + (i % 4),
        state: i % 7 === 0 ? 1 : 2,
        undone: i % 50 === 0,
      }),
    );
    await bulkInsertLogs(rows);
    const d = await getDashboard(u.id, NOW);
    expect(d.reviewsByDay.at(-1)).toEqual({ day: TODAY - 1, count: 98 }); // 100 a day minus 2 undone
  }, 120_000);
});
