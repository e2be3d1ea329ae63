import "server-only";
import { Rating, State } from "ts-fsrs";
import type { PrismaClient } from "@prisma/client";
import { sql, type ExpressionBuilder } from "kysely";
import { db, kdb, type DB } from "../db";
import { isUniqueViolation } from "../db/errors";
import { jobRunner } from "../jobs/runner";
import { runTask } from "../jobs/pool";
import { liveCards } from "./card-queries";
import { studyDayNumber } from "./day";
import { dayContextOf, schedulerSettingsOf } from "./settings";
import { settingsOf } from "../settings";
import type { Habits, WorkloadInput, WorkloadPoint } from "./workload";
import { groupRetentions, recommendRetention, splitDeck } from "./workload-groups";
import { RETENTION_GROUPS, type RetentionGroup } from "../settings/schema";

// The "Help me decide" simulation takes longer than a request should (about a quarter of a
// second for a small deck, more for a large one), so it runs as a background job (lib/jobs/):
// the page asks for it, gets "running" with its progress, and shows the result once it is
// ready. One WorkloadJob row per user holds the inputs (`key`: the user's parameters, limit,
// latest review and study day), the progress and the result, so any server can run it and
// any server can read it; a second look is instant, and new reviews or new parameters make a
// fresh run. The warning signs and the rest are simulated apart, each over its own cards
// (lib/srs/workload-groups.ts), in one job; each retention of each group is one task in the
// worker-thread pool.

// One group's simulation: every value simulated, the suggestion, the cards it covers.
export type GroupWorkload = { points: WorkloadPoint[]; best: WorkloadPoint | null; cards: number; newCards: number };
export type WorkloadView =
  { status: "running"; done: number; total: number } | { status: "done"; groups: Record<RetentionGroup, GroupWorkload>; habits: Habits };
type WorkloadResult = Extract<WorkloadView, { status: "done" }>;

const PROGRESS_WRITE_MS = 300;
// A running simulation not touched for this long was left by a server that stopped.
const STALE_MS = 2 * 60_000;

// Defaults for a learner with too few reviews of a kind to average (seconds; shares).
const DEFAULT_HABITS: Habits = { learnSeconds: 20, recallSeconds: 8, forgetSeconds: 20, recallRatings: [1, 8, 1], firstRatings: [2, 1, 6, 1] };
const MIN_SAMPLE = 5;

// A review log's kind of answer: a first look (0), a lapse (1), a recall (2).
const answerKind = (e: ExpressionBuilder<DB, "ReviewLog">) =>
  e.case().when("state", "=", sql.lit(State.New)).then(sql.lit(0)).when("rating", "=", sql.lit(Rating.Again)).then(sql.lit(1)).else(sql.lit(2)).end();

type JobInput = { groups: Record<RetentionGroup, WorkloadInput> };

// A group with no cards at all has nothing to simulate.
const simulated = (input: WorkloadInput) => input.cards.length + input.newCards > 0;
const totalTasks = (input: JobInput) => RETENTION_GROUPS.reduce((n, g) => n + (simulated(input.groups[g]) ? groupRetentions(g).length : 0), 0);

async function loadInput(userId: string, now: Date): Promise<{ key: string; input: JobInput }> {
  const user = await settingsOf(userId);
  const settings = schedulerSettingsOf(user);
  const ctx = dayContextOf(user);
  const today = studyDayNumber(now, ctx);
  const logs = () => kdb.selectFrom("ReviewLog").where("userId", "=", userId).where("undoneAt", "is", null);
  const [cards, habits, last] = await Promise.all([
    liveCards(kdb, userId).select(["c.state", "c.stability", "c.difficulty", "c.lastReview", "c.due", "k.safety", "k.position"]).execute(),
    // Answer times and ratings by kind of answer.
    logs()
      .select((e) => [answerKind(e).as("kind"), "rating", e.fn.countAll().as("n"), e.fn.avg("durationMs").as("ms")])
      .groupBy((e) => [answerKind(e), "rating"])
      .execute(),
    logs().select("id").orderBy("review", "desc").orderBy("id", "desc").limit(1).executeTakeFirst(),
  ]);
  const h: Habits = { ...DEFAULT_HABITS, recallRatings: [...DEFAULT_HABITS.recallRatings], firstRatings: [...DEFAULT_HABITS.firstRatings] };
  const groups = habits.map((r) => ({ kind: Number(r.kind), rating: r.rating, n: Number(r.n), ms: Number(r.ms ?? 0) }));
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
    h.recallRatings = [Rating.Hard, Rating.Good, Rating.Easy].map((r) => recalled.find((x) => x.rating === r)?.n ?? 0) as Habits["recallRatings"];
  const first = groups.filter((x) => x.kind === 0);
  if (first.reduce((a, x) => a + x.n, 0) >= MIN_SAMPLE)
    h.firstRatings = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy].map((r) => first.find((x) => x.rating === r)?.n ?? 0) as Habits["firstRatings"];
  // The learner's answer times and habits, for both groups: the warning signs alone are too few to average.
  const input: JobInput = {
    groups: splitDeck(
      cards.map((c) => ({ ...c, safety: Boolean(c.safety) })),
      { today, ctx, weights: settings.weights, maximumInterval: settings.maximumInterval, newPerDay: user.newCardsPerDay, habits: h },
    ),
  };
  const safetyCards = cards.filter((c) => c.safety).length;
  const key = JSON.stringify(["groups", settings.weights, settings.maximumInterval, user.newCardsPerDay, last?.id ?? null, cards.length, safetyCards, today]);
  return { key, input };
}

type Claimed = { id: string; key: string; input: string };

// Claims the oldest queued simulation, through `client` (another server's connections in tests).
export async function claimWorkloadJob(client: PrismaClient = db): Promise<Claimed | null> {
  for (;;) {
    const next = await client.workloadJob.findFirst({
      where: { status: "queued" },
      orderBy: { updatedAt: "asc" },
      select: { id: true, key: true, input: true },
    });
    if (!next) return null;
    const claimed = await client.workloadJob.updateMany({ where: { id: next.id, key: next.key, status: "queued" }, data: { status: "running", done: 0 } });
    if (claimed.count === 1) return next;
  }
}

// Every write names the key it was claimed for: once the row has moved on to newer inputs, a
// run for the older ones changes nothing.
const claimedRow = (job: Claimed) => ({ id: job.id, key: job.key, status: "running" });

async function runWorkloadJob(job: Claimed): Promise<void> {
  try {
    const input = JSON.parse(job.input) as JobInput;
    const total = totalTasks(input);
    let done = 0;
    let lastWrite = Date.now();
    const simulate = async (group: RetentionGroup): Promise<GroupWorkload> => {
      const g = input.groups[group];
      const points = simulated(g)
        ? await Promise.all(
            groupRetentions(group).map(async (retention) => {
              const point = await runTask("workloadPoint", { input: g, retention });
              done++;
              if (Date.now() - lastWrite >= PROGRESS_WRITE_MS) {
                lastWrite = Date.now();
                void db.workloadJob.updateMany({ where: claimedRow(job), data: { done } }).catch((e: unknown) => console.error("workload progress", e));
              }
              return point;
            }),
          )
        : [];
      return { points, best: recommendRetention(points, group), cards: g.cards.length, newCards: g.newCards };
    };
    const [general, safety] = await Promise.all([simulate("general"), simulate("safety")]);
    const result: WorkloadResult = { status: "done", groups: { general, safety }, habits: input.groups.general.habits };
    await db.workloadJob.updateMany({
      where: claimedRow(job),
      data: { status: "done", done: total, result: JSON.stringify(result), finishedAt: new Date() },
    });
  } catch (e) {
    console.error("workload simulation", e);
    await db.workloadJob.updateMany({ where: claimedRow(job), data: { status: "failed", finishedAt: new Date() } });
  }
}

async function requeueStaleWorkloadJobs(now: Date): Promise<number> {
  const r = await db.workloadJob.updateMany({
    where: { status: "running", updatedAt: { lt: new Date(now.getTime() - STALE_MS) } },
    data: { status: "queued", done: 0 },
  });
  return r.count;
}

export const workloadJobs = jobRunner({ name: "workload", claimNext: () => claimWorkloadJob(), run: runWorkloadJob, requeueStale: requeueStaleWorkloadJobs });

// JSON has no Infinity: a retention that remembers nothing comes back as null.
const finite = (p: WorkloadPoint): WorkloadPoint => ({ ...p, minutesPerMemorized: p.minutesPerMemorized ?? Infinity });
function parseResult(text: string): WorkloadResult {
  const r = JSON.parse(text) as WorkloadResult;
  const group = (g: GroupWorkload): GroupWorkload => ({ ...g, points: g.points.map(finite), best: g.best ? finite(g.best) : null });
  return { ...r, groups: { general: group(r.groups.general), safety: group(r.groups.safety) } };
}

const ROW = { key: true, status: true, done: true, total: true, result: true } as const;
type Row = { key: string; status: string; done: number; total: number; result: string | null };

function viewOf(row: Row): WorkloadView {
  if (row.status === "done" && row.result) return parseResult(row.result);
  return { status: "running", done: row.done, total: row.total };
}

// The user's simulation as stored, read through `client` (another server's connections in tests).
export async function readWorkload(userId: string, client: PrismaClient = db): Promise<WorkloadView | null> {
  const row = await client.workloadJob.findUnique({ where: { userId }, select: ROW });
  return row ? viewOf(row) : null;
}

// Starts the simulation for the user's current deck unless it is queued, running or done already.
export async function getWorkload(userId: string, now = new Date()): Promise<WorkloadView> {
  const { key, input } = await loadInput(userId, now);
  const row = await db.workloadJob.findUnique({ where: { userId }, select: ROW });
  if (row?.key === key && row.status !== "failed") {
    const view = viewOf(row);
    if (view.status !== "done") void workloadJobs.kick();
    return view;
  }
  const total = totalTasks(input);
  const fresh = { key, status: "queued", done: 0, total, input: JSON.stringify(input), result: null, finishedAt: null };
  try {
    await db.workloadJob.upsert({ where: { userId }, create: { userId, ...fresh }, update: fresh });
  } catch (e) {
    // Another request (on this server or another) queued it at the same moment.
    if (!isUniqueViolation(e)) throw e;
  }
  void workloadJobs.kick();
  return { status: "running", done: 0, total };
}

// For tests and scripts: the finished result.
export async function workloadWhenDone(userId: string, now = new Date()): Promise<WorkloadResult> {
  for (;;) {
    const v = await getWorkload(userId, now);
    if (v.status === "done") return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}
