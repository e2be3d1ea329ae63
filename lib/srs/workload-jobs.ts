import "server-only";
import { sqlDb, sql } from "../db";
import { date, dateOrNull, num, strOrNull } from "../db/row";
import { studyDayNumber } from "./day";
import { dayContextOf, schedulerSettingsOf } from "./settings";
import { reviewUserOf } from "./review/user";
import { optimalRetention, RETENTIONS, simulateWorkload, type Habits, type SimCard, type WorkloadInput, type WorkloadPoint } from "./workload";

// The "Help me decide" simulation takes longer than a request should (about a quarter of a
// second for a small deck, more for a large one), so it runs off the request path: the page
// asks for it, gets "running" with its progress, and shows the result once it is ready.
// Results are kept per server process for the inputs they were made from (the user's
// parameters, limit and latest review), so a second look is instant and new reviews or new
// parameters make a fresh run. Between retentions the loop yields to the event loop, so
// requests keep being served while it runs.

export type WorkloadView =
  | { status: "running"; done: number; total: number }
  | { status: "done"; points: WorkloadPoint[]; best: WorkloadPoint | null; cards: number; newCards: number; habits: Habits };

type Entry = { key: string; done: number; points: WorkloadPoint[]; result?: Extract<WorkloadView, { status: "done" }> };
const g = globalThis as unknown as { unknotWorkload?: Map<string, Entry> };
const entries: Map<string, Entry> = (g.unknotWorkload ??= new Map());

// Defaults for a learner with too few reviews of a kind to average (seconds; shares).
const DEFAULT_HABITS: Habits = { learnSeconds: 20, recallSeconds: 8, forgetSeconds: 20, recallRatings: [1, 8, 1], firstRatings: [2, 1, 6, 1] };
const MIN_SAMPLE = 5;

async function loadInput(userId: string, now: Date): Promise<{ key: string; input: WorkloadInput }> {
  const user = await reviewUserOf(userId);
  const settings = schedulerSettingsOf(user);
  const ctx = dayContextOf(user);
  const today = studyDayNumber(now, ctx);
  const [cards, habits, last] = await Promise.all([
    sqlDb.all(sql`SELECT c."state", c."stability", c."difficulty", c."lastReview", c."due" FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId"
      WHERE c."userId" = ${userId} AND k."retiredAt" IS NULL`),
    sqlDb.all(sql`SELECT CASE WHEN "state" = 0 THEN 0 WHEN "rating" = 1 THEN 1 ELSE 2 END AS "kind", "rating", COUNT(*) AS "n", AVG("durationMs") AS "ms"
      FROM "ReviewLog" WHERE "userId" = ${userId} AND "undoneAt" IS NULL GROUP BY 1, 2`),
    sqlDb.get(sql`SELECT "id" FROM "ReviewLog" WHERE "userId" = ${userId} AND "undoneAt" IS NULL ORDER BY "review" DESC, "id" DESC LIMIT 1`),
  ]);
  const sim: SimCard[] = [];
  let newCards = 0;
  for (const c of cards) {
    const lastReview = dateOrNull(c.lastReview);
    if (num(c.state) === 0 || !lastReview) newCards++;
    else
      sim.push({
        stability: num(c.stability),
        difficulty: num(c.difficulty),
        lastDay: studyDayNumber(lastReview, ctx) - today,
        dueDay: studyDayNumber(date(c.due), ctx) - today,
      });
  }
  const h: Habits = { ...DEFAULT_HABITS, recallRatings: [...DEFAULT_HABITS.recallRatings], firstRatings: [...DEFAULT_HABITS.firstRatings] };
  const groups = habits.map((r) => ({ kind: num(r.kind), rating: num(r.rating), n: num(r.n), ms: num(r.ms) }));
  const avg = (kind: number) => {
    const gs = groups.filter((x) => x.kind === kind);
    const n = gs.reduce((a, x) => a + x.n, 0);
    return n >= MIN_SAMPLE ? gs.reduce((a, x) => a + x.ms * x.n, 0) / n / 1000 : null;
  };
  h.learnSeconds = avg(0) ?? h.learnSeconds;
  h.forgetSeconds = avg(1) ?? h.forgetSeconds;
  h.recallSeconds = avg(2) ?? h.recallSeconds;
  const recalled = groups.filter((x) => x.kind === 2);
  if (recalled.reduce((a, x) => a + x.n, 0) >= MIN_SAMPLE)
    h.recallRatings = [2, 3, 4].map((r) => recalled.find((x) => x.rating === r)?.n ?? 0) as Habits["recallRatings"];
  const first = groups.filter((x) => x.kind === 0);
  if (first.reduce((a, x) => a + x.n, 0) >= MIN_SAMPLE)
    h.firstRatings = [1, 2, 3, 4].map((r) => first.find((x) => x.rating === r)?.n ?? 0) as Habits["firstRatings"];
  const input: WorkloadInput = {
    weights: settings.weights,
    maximumInterval: settings.maximumInterval,
    cards: sim,
    newCards,
    newPerDay: user.newCardsPerDay,
    habits: h,
  };
  const key = JSON.stringify([settings.weights, settings.maximumInterval, user.newCardsPerDay, strOrNull(last?.id), cards.length, today]);
  return { key, input };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function run(entry: Entry, input: WorkloadInput): Promise<void> {
  for (const r of RETENTIONS) {
    await tick();
    entry.points.push(simulateWorkload(input, r));
    entry.done++;
  }
  entry.result = {
    status: "done",
    points: entry.points,
    best: optimalRetention(entry.points),
    cards: input.cards.length,
    newCards: input.newCards,
    habits: input.habits,
  };
}

// Starts the simulation for the user's current deck unless it is running or done already.
export async function getWorkload(userId: string, now = new Date()): Promise<WorkloadView> {
  const { key, input } = await loadInput(userId, now);
  let entry = entries.get(userId);
  if (!entry || entry.key !== key) {
    entry = { key, done: 0, points: [] };
    entries.set(userId, entry);
    const started = entry;
    void run(started, input).catch((e: unknown) => {
      console.error("workload simulation", e);
      if (entries.get(userId) === started) entries.delete(userId);
    });
  }
  return entry.result ?? { status: "running", done: entry.done, total: RETENTIONS.length };
}

// For tests and scripts: the finished result.
export async function workloadWhenDone(userId: string, now = new Date()): Promise<Extract<WorkloadView, { status: "done" }>> {
  for (;;) {
    const v = await getWorkload(userId, now);
    if (v.status === "done") return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}
