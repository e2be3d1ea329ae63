import type { Prisma, PrismaClient } from "@prisma/client";
import { hashPassword } from "../../lib/auth/password";
import { prng } from "../../lib/prng";
import { LOAD_PASSWORD } from "../load/users";
import { insertRows } from "../../lib/db/bulk";
import { cardFields } from "../../lib/srs/card-rows";
import { newCardState } from "../../lib/srs/scheduler";
import { State } from "ts-fsrs";

// The large-account dataset: one heavy user with 10,000 cards and 100,000 review logs, in a
// database of 1,000,000 logs (90 other users with 1,000 cards and 10,000 logs each). The
// content has only ~82 cards, so synthetic catalogue rows stand in for the rest. Rows are
// synthetic but plausible (states, due dates, ratings, increasing review times, the
// prev*/next* snapshot fields). They are written in batches of 5,000 rows with multi-row
// INSERTs through Prisma's raw API: Prisma's createMany costs ~0.6 ms a row here (10+ minutes
// for a million logs), raw multi-row inserts ~0.1 ms.

export const HEAVY_EMAIL = "bench-heavy@load.test";
const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 5_000;
const ROLLOVER_HOUR = 4; // users are seeded with the defaults: UTC, day turns at 04:00

// studyDayNumber() for a UTC user, in arithmetic (a million TZDate calls would dominate seeding).
const reviewDayOf = (t: number) => Math.floor((t - ROLLOVER_HOUR * HOUR) / DAY);

type Plan = { catalogCardId: string; state: number; due: number; lastReview: number; logs: number; addedAt: number };
type CardRow = Required<Prisma.CardCreateManyInput>;
type LogRow = Required<Omit<Prisma.ReviewLogCreateManyInput, "undoneAt" | "sessionId" | "balance">>;
type Value = string | number | Date | null;

export type SeedReport = { heavyEmail: string; heavyCards: number; heavyLogs: number; totalLogs: number; users: number; ms: number };

// One batch in one transaction.
function insertBatch(db: PrismaClient, table: string, rows: Record<string, unknown>[]): Promise<void> {
  return db.$transaction((tx) => insertRows(tx, table, rows as Record<string, Value>[]), { timeout: 120_000, maxWait: 30_000 });
}

async function inBatches<T>(rows: Iterable<T>, write: (batch: T[]) => Promise<unknown>): Promise<number> {
  let batch: T[] = [];
  let n = 0;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      await write(batch);
      n += batch.length;
      batch = [];
    }
  }
  if (batch.length) await write(batch);
  return n + batch.length;
}

// Splits `total` logs over the studied cards: about equal, with jitter, summing exactly.
function spreadLogs(plans: Plan[], total: number, rand: () => number) {
  const studied = plans.filter((p) => p.state !== State.New);
  const weights = studied.map((p) => (p.state === State.Review ? 0.6 + rand() * 0.8 : 0.15));
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  studied.forEach((p, i) => {
    p.logs = Math.max(1, Math.floor((weights[i]! / sum) * total));
    left -= p.logs;
  });
  for (let i = 0; left > 0; i = (i + 1) % studied.length, left--) studied[i]!.logs++;
  for (let i = 0; left < 0; i = (i + 1) % studied.length) {
    if (studied[i]!.logs > 1) {
      studied[i]!.logs--;
      left++;
    }
  }
}

// The heavy user's deck. Only real (content) cards are due now, so the review page shows a
// real card: 20 learning/relearning steps a few minutes overdue and 62 overdue reviews.
// Synthetic cards: 15% new, 2% in learning/relearning due in 1-3 days, the rest in review,
// due from 3 days ago to 300 days ahead (most of them soon), so hundreds are due today.
function heavyPlans(real: string[], synthetic: string[], now: number, rand: () => number): Plan[] {
  const plans: Plan[] = [];
  real.forEach((id, i) => {
    if (i < 20)
      plans.push({
        catalogCardId: id,
        state: i % 4 === 0 ? 3 : 1,
        due: now - (1 + rand() * 29) * 60_000,
        lastReview: now - (1 + rand() * 3) * HOUR,
        logs: 0,
        addedAt: 0,
      });
    else {
      const due = now - HOUR - rand() * 5 * DAY;
      plans.push({ catalogCardId: id, state: State.Review, due, lastReview: due - (2 + rand() * 40) * DAY, logs: 0, addedAt: 0 });
    }
  });
  synthetic.forEach((id) => {
    const u = rand();
    if (u < 0.15) plans.push({ catalogCardId: id, state: State.New, due: now - rand() * 30 * DAY, lastReview: 0, logs: 0, addedAt: 0 });
    else if (u < 0.17)
      plans.push({
        catalogCardId: id,
        state: u < 0.16 ? 1 : 3,
        due: now + (1 + rand() * 2) * DAY,
        lastReview: now - (1 + rand() * 20) * HOUR,
        logs: 0,
        addedAt: 0,
      });
    else plans.push(reviewPlan(id, now, rand));
  });
  return plans;
}

function reviewPlan(catalogCardId: string, now: number, rand: () => number): Plan {
  const due = now - 3 * DAY + 303 * DAY * rand() ** 2;
  const interval = Math.max(1, (due - now + 3 * DAY) / DAY / 2 + 1 + rand() * 30) * DAY;
  return { catalogCardId, state: State.Review, due, lastReview: Math.max(now - 360 * DAY, Math.min(now - HOUR, due - interval)), logs: 0, addedAt: 0 };
}

// Review times between first and last, intervals growing geometrically as spaced repetition does.
function reviewTimes(p: Plan, now: number, rand: () => number): number[] {
  const first = Math.max(now - 364 * DAY, p.lastReview - (p.logs > 1 ? (10 + rand() * 300) * DAY : 0));
  const start = Math.min(first, p.lastReview);
  if (p.logs === 1) return [p.lastReview];
  const span = p.lastReview - start;
  const denom = 2 ** (p.logs - 1) - 1;
  const times: number[] = [];
  for (let j = 0; j < p.logs; j++) times.push(start + (span * (2 ** Math.min(j, 60) - 1)) / denom + j * 60_000);
  return times;
}

function rating(rand: () => number): number {
  const r = rand();
  return r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.92 ? 3 : 4;
}

// The card row and its logs, consistent with each other: version = reps = number of logs,
// each log's next* fields are the following log's pre-review snapshot.
function cardAndLogs(userId: string, cardId: string, p: Plan, now: number, rand: () => number, seq: { n: number }): { card: CardRow; logs: LogRow[] } {
  const base = { id: cardId, userId, catalogCardId: p.catalogCardId, suspendedAt: null, buriedUntil: null, leech: false };
  if (p.state === State.New) {
    const due = new Date(p.due);
    const card: CardRow = { ...base, addedAt: due, version: 0, ...cardFields(newCardState(cardId, due)) };
    return { card, logs: [] };
  }
  const times = reviewTimes(p, now, rand);
  const ratings = times.map(() => rating(rand));
  const states = times.map((_, j) => (j === 0 ? 0 : j === 1 ? 1 : ratings[j - 1] === 1 ? 3 : 2));
  const stability = times.map((t, j) => (j === 0 ? 0 : Math.max(0.1, ((t - times[j - 1]!) / DAY) * (1 + rand() * 0.5))));
  const difficulty = 2 + rand() * 6;
  // The due date each review was made against: on time, or a little late.
  const dues = times.map((t, j) => (j === 0 ? t : t - rand() * HOUR));
  const logs: LogRow[] = [];
  let lapses = 0;
  for (let j = 0; j < times.length; j++) {
    const t = times[j]!;
    const last = j === times.length - 1;
    const nextT = last ? p.due : times[j + 1]!;
    const elapsed = j === 0 ? 0 : Math.floor((t - times[j - 1]!) / DAY);
    const nextStability = last ? Math.max(0.1, ((p.due - t) / DAY) * 1.1) : stability[j + 1]!;
    logs.push({
      id: `${cardId}l${j}`,
      userId,
      cardId,
      clientId: `seed-${seq.n++}`,
      rating: ratings[j]!,
      state: states[j]!,
      due: new Date(dues[j]!),
      stability: stability[j]!,
      difficulty: j === 0 ? 0 : difficulty,
      elapsedDays: elapsed,
      lastElapsedDays: j < 2 ? 0 : Math.floor((times[j - 1]! - times[j - 2]!) / DAY),
      scheduledDays: j === 0 ? 0 : Math.round((t - times[j - 1]!) / DAY),
      learningSteps: states[j] === 1 ? 1 : 0,
      review: new Date(t),
      durationMs: 2_000 + Math.floor(rand() * 18_000),
      reviewDay: reviewDayOf(t),
      prevDue: new Date(dues[j]!),
      prevLastReview: j === 0 ? null : new Date(times[j - 1]!),
      prevElapsedDays: elapsed,
      prevReps: j,
      prevLapses: lapses,
      prevVersion: j,
      nextState: last ? p.state : states[j + 1]!,
      nextDue: new Date(nextT),
      nextScheduledDays: Math.max(0, Math.round((nextT - t) / DAY)),
      nextStability,
      nextVersion: j + 1,
      leechChange: 0,
    });
    if (ratings[j] === 1 && states[j] === 2) lapses++;
  }
  const lastT = times[times.length - 1]!;
  const card: CardRow = {
    ...base,
    addedAt: new Date(times[0]! - rand() * DAY),
    version: times.length,
    ...cardFields({
      state: p.state,
      due: new Date(p.due),
      reps: times.length,
      lapses,
      stability: logs[logs.length - 1]!.nextStability,
      difficulty,
      lastReview: new Date(lastT),
      elapsedDays: logs[logs.length - 1]!.elapsedDays,
      scheduledDays: Math.max(0, Math.round((p.due - lastT) / DAY)),
      learningSteps: p.state === State.Learning || p.state === State.Relearning ? 1 : 0,
    }),
  };
  return { card, logs };
}

async function seedUser(db: PrismaClient, userId: string, key: string, plans: Plan[], now: number, rand: () => number): Promise<number> {
  const seq = { n: 0 };
  const built = plans.map((p, i) => cardAndLogs(userId, `bc${key}x${i.toString(36)}`, p, now, rand, seq));
  await inBatches(
    built.map((b) => b.card),
    (batch) => insertBatch(db, "Card", batch),
  );
  return inBatches(
    built.flatMap((b) => b.logs),
    (batch) => insertBatch(db, "ReviewLog", batch),
  );
}

export async function seedLargeAccount(
  db: PrismaClient,
  opts: { heavyCards?: number; heavyLogs?: number; otherUsers?: number; otherCards?: number; otherLogs?: number } = {},
): Promise<SeedReport> {
  const { heavyCards = 10_000, heavyLogs = 100_000, otherUsers = 90, otherCards = 1_000, otherLogs = 10_000 } = opts;
  const t0 = performance.now();
  const now = Date.now();
  const rand = prng(20240611);
  const real = (await db.catalogCard.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true } })).map((c) => c.id);
  const syntheticCount = Math.max(heavyCards, otherCards) - real.length;
  const synthetic = Array.from({ length: syntheticCount }, (_, i) => `bench-${String(i).padStart(4, "0")}`);
  await db.catalogCard.deleteMany({ where: { lessonSlug: "bench" } });
  const updatedAt = new Date(now);
  await inBatches(
    synthetic.map((id, i) => ({
      id,
      lessonSlug: "bench",
      topic: "causes",
      position: 1000 + i,
      contentHash: "bench",
      front: `Bench card ${i}`,
      retiredAt: null,
      updatedAt,
    })),
    (batch) => insertBatch(db, "CatalogCard", batch),
  );

  const passwordHash = await hashPassword(LOAD_PASSWORD);
  await db.user.deleteMany({ where: { email: { startsWith: "bench-heavy" } } });
  await db.user.deleteMany({ where: { email: { startsWith: "bench-bg-" } } });
  const heavy = await db.user.create({ data: { email: HEAVY_EMAIL, passwordHash, newCardsPerDay: 20 } });
  const plans = heavyPlans(real, synthetic.slice(0, heavyCards - real.length), now, rand);
  spreadLogs(plans, heavyLogs, rand);
  let total = await seedUser(db, heavy.id, "h", plans, now, rand);
  const heavyWritten = total;

  for (let u = 0; u < otherUsers; u++) {
    const user = await db.user.create({ data: { email: `bench-bg-${u}@load.test`, passwordHash } });
    const ids = [...real, ...synthetic.slice(0, otherCards - real.length)];
    const userPlans = ids.map((id) => reviewPlan(id, now, rand));
    spreadLogs(userPlans, otherLogs, rand);
    total += await seedUser(db, user.id, String(u), userPlans, now, rand);
  }
  return { heavyEmail: HEAVY_EMAIL, heavyCards: plans.length, heavyLogs: heavyWritten, totalLogs: total, users: otherUsers + 1, ms: performance.now() - t0 };
}
