import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from "ts-fsrs";
import { createScheduler, gradeCard, newCardState, type CardState } from "../../lib/srs/scheduler";
import { prng } from "../../lib/prng";
import { loadWindow, NORMAL_WEEK, WINDOW_DAYS, type DueEntry } from "../../lib/srs/load-balance";

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

// The wrapper with even days (lib/srs/load-balance.ts) as grading runs it: before each grade the
// load window is built from a deck of DECK other cards due over the next months (what
// lib/srs/load.ts does after its read), then the grade picks its day from it.
const DECK = 1_000;

function balanced(w: Workload, n: number): number {
  const f = createScheduler(DEFAULTS);
  const rand = prng(11);
  const day0 = Math.floor(w.times[0]!.getTime() / 86_400_000);
  const entries: DueEntry[] = Array.from({ length: DECK }, (_, i) => ({ day: day0 + Math.floor(rand() * 120), section: `lesson-${i % 12}#s${i % 5}` }));
  const easy = { weekdays: NORMAL_WEEK, dates: [] };
  let card: CardState = newCardState(w.ids[0]!, w.times[0]!);
  let sink = 0;
  for (let i = 0; i < n; i++) {
    if (i % CHAIN === 0) card = newCardState(w.ids[i / CHAIN]!, w.times[i]!);
    const today = Math.floor(w.times[i]!.getTime() / 86_400_000);
    const window = loadWindow(today, WINDOW_DAYS, entries, `lesson-${i % 12}#s${i % 5}`, easy);
    card = gradeCard(f, card, w.ratings[i]!, w.times[i]!, window).card;
    sink += card.scheduledDays;
  }
  return sink;
}

export type SchedulerResult = { bare: number; wrapper: number; ratio: number; grades: number; balanced: number; balancedCostUs: number };

// Best of `rounds`, the two alternating so that both see the same machine state.
export function benchScheduler(grades = 200_000, rounds = 3): SchedulerResult {
  const w = workload(grades);
  bare(w, 20_000);
  wrapped(w, 20_000);
  balanced(w, 5_000);
  let bestBare = 0;
  let bestWrapper = 0;
  let bestBalanced = 0;
  // Fewer grades: each builds a window from the whole deck.
  const balancedGrades = Math.min(grades, 50_000);
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    sink += bare(w, grades);
    bestBare = Math.max(bestBare, grades / ((performance.now() - t) / 1000));
    t = performance.now();
    sink += wrapped(w, grades);
    bestWrapper = Math.max(bestWrapper, grades / ((performance.now() - t) / 1000));
    t = performance.now();
    sink += balanced(w, balancedGrades);
    bestBalanced = Math.max(bestBalanced, balancedGrades / ((performance.now() - t) / 1000));
  }
  if (!Number.isFinite(sink)) throw new Error("scheduler produced a non-finite interval");
  // What even days add to one grade, in microseconds (the database read of the load aside).
  const balancedCostUs = (1 / bestBalanced - 1 / bestWrapper) * 1e6;
  return { bare: bestBare, wrapper: bestWrapper, ratio: bestWrapper / bestBare, grades, balanced: bestBalanced, balancedCostUs };
}
