import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from "ts-fsrs";
import { createScheduler, gradeCard, newCardState, type CardState } from "../../lib/srs/scheduler";
import { prng } from "../../lib/srs/simulate";

// Grades per second through our wrapper (createScheduler + gradeCard, default user settings,
// fuzz on) against bare ts-fsrs on the same ratings and review times: cards go through
// chains of 10 reviews, three days apart, each chain starting from a new card.

const CHAIN = 10;
const DEFAULTS = { desiredRetention: 0.9, maximumInterval: 36_500, enableFuzz: true, weights: null, day: { timeZone: "UTC", rolloverHour: 4 } };

type Workload = { ratings: Grade[]; times: Date[]; ids: string[] };

function workload(n: number): Workload {
  const rand = prng(7);
  const t0 = Date.UTC(2025, 0, 1, 9);
  const ratings: Grade[] = [];
  const times: Date[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    ratings.push((r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.92 ? 3 : 4) as Grade);
    times.push(new Date(t0 + Math.floor(i / CHAIN) * 60_000 + (i % CHAIN) * 3 * 86_400_000));
  }
  const ids = Array.from({ length: Math.ceil(n / CHAIN) }, (_, i) => `c${i.toString(36).padStart(8, "0")}`);
  return { ratings, times, ids };
}

function bare(w: Workload, n: number): number {
  const f = fsrs(generatorParameters({ enable_fuzz: true }));
  let card: Card = createEmptyCard(w.times[0]!);
  let sink = 0;
  for (let i = 0; i < n; i++) {
    if (i % CHAIN === 0) card = createEmptyCard(w.times[i]!);
    card = f.next(card, w.times[i]!, w.ratings[i]!).card;
    sink += card.scheduled_days;
  }
  return sink;
}

function wrapped(w: Workload, n: number): number {
  const f = createScheduler(DEFAULTS);
  let card: CardState = newCardState(w.ids[0]!, w.times[0]!);
  let sink = 0;
  for (let i = 0; i < n; i++) {
    if (i % CHAIN === 0) card = newCardState(w.ids[i / CHAIN]!, w.times[i]!);
    card = gradeCard(f, card, w.ratings[i]!, w.times[i]!).card;
    sink += card.scheduledDays;
  }
  return sink;
}

export type SchedulerResult = { bare: number; wrapper: number; ratio: number; grades: number };

// Best of `rounds`, the two alternating so that both see the same machine state.
export function benchScheduler(grades = 200_000, rounds = 3): SchedulerResult {
  const w = workload(grades);
  bare(w, 20_000);
  wrapped(w, 20_000);
  let bestBare = 0;
  let bestWrapper = 0;
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    sink += bare(w, grades);
    bestBare = Math.max(bestBare, grades / ((performance.now() - t) / 1000));
    t = performance.now();
    sink += wrapped(w, grades);
    bestWrapper = Math.max(bestWrapper, grades / ((performance.now() - t) / 1000));
  }
  if (!Number.isFinite(sink)) throw new Error("scheduler produced a non-finite interval");
  return { bare: bestBare, wrapper: bestWrapper, ratio: bestWrapper / bestBare, grades };
}
