import { fsrs, forgetting_curve, generatorParameters, Rating, type FSRS, type Grade } from "ts-fsrs";
import { prng } from "../prng";
import { MAX_RECOMMENDED_RETENTION, MIN_RECOMMENDED_RETENTION } from "../settings/retention-warning";

// "Help me decide": the learner's next 365 days of reviews simulated for each desired
// retention from 0.70 to 0.97, with their own deck (memory states, due days, new cards left,
// new-card limit), their own parameters and their own answer times and rating habits. The
// memory model is ts-fsrs's (next_state, next_interval, forgetting_curve); the schedule is
// day-based. The optimum is the retention with the least work per card remembered at the
// end: total minutes ÷ expected cards remembered (Σ retrievability on the last day), the
// ratio fsrs-rs's optimal-retention search minimises and Anki's workload view plots.
// Monte Carlo with a fixed seed (and the same random numbers for every retention), so the
// same inputs give the same answer; small decks are simulated several times over and
// averaged, so that the curve is smooth enough to read. Pure.

export const RETENTIONS = Array.from({ length: 28 }, (_, i) => Math.round((0.7 + i * 0.01) * 100) / 100);
export const HORIZON_DAYS = 365;

export type SimCard = { stability: number; difficulty: number; lastDay: number; dueDay: number };
export type Habits = {
  // Seconds per answer: a first sight of a new card (its learning steps included), a review
  // recalled, a review forgotten (its relearning step included).
  learnSeconds: number;
  recallSeconds: number;
  forgetSeconds: number;
  // How often a recalled review is Hard / Good / Easy, and a new card's first rating.
  recallRatings: [number, number, number];
  firstRatings: [number, number, number, number];
};
export type WorkloadInput = {
  weights: number[] | null;
  maximumInterval: number;
  cards: SimCard[];
  newCards: number;
  newPerDay: number;
  habits: Habits;
  // The day (from today, 0) each new card comes up, when a group shares the new-card limit
  // with another (lib/srs/workload-groups.ts); without it, `newPerDay` a day until none is left.
  newDays?: number[];
};
export type WorkloadPoint = { retention: number; reviewsPerDay: number; minutesPerDay: number; memorized: number; minutesPerMemorized: number };

const MIN_SIMULATED = 600;

function pick<T>(r: number, weights: number[], values: T[]): T {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let acc = 0;
  for (let i = 0; i < values.length; i++) if (r < (acc += weights[i]! / total)) return values[i]!;
  return values[values.length - 1]!;
}

function simulateOne(f: FSRS, input: WorkloadInput, copies: number, seed: number) {
  const rand = prng(seed);
  const w = f.parameters.w;
  const cards: SimCard[] = [];
  for (let k = 0; k < copies; k++) for (const c of input.cards) cards.push({ ...c, dueDay: Math.max(0, c.dueDay) });
  // How many new cards come up each day.
  const newOnDay = new Array<number>(HORIZON_DAYS).fill(0);
  if (input.newDays) {
    for (const d of input.newDays) if (d >= 0 && d < HORIZON_DAYS) newOnDay[d]! += copies;
  } else {
    let newLeft = input.newCards * copies;
    for (let day = 0; day < HORIZON_DAYS && newLeft > 0; day++) {
      const n = Math.min(input.newPerDay * copies, newLeft);
      newOnDay[day] = n;
      newLeft -= n;
    }
  }
  const h = input.habits;
  let reviews = 0;
  let seconds = 0;
  // Cards bucketed by due day: each day looks only at its own.
  const byDay: SimCard[][] = Array.from({ length: HORIZON_DAYS }, () => []);
  const place = (c: SimCard) => c.dueDay < HORIZON_DAYS && byDay[c.dueDay]!.push(c);
  cards.forEach(place);
  for (let day = 0; day < HORIZON_DAYS; day++) {
    for (const c of byDay[day]!) {
      const t = day - c.lastDay;
      const r = forgetting_curve(w, t, c.stability);
      const recalled = rand() < r;
      const rating: Grade = recalled ? pick(rand(), h.recallRatings, [Rating.Hard, Rating.Good, Rating.Easy]) : Rating.Again;
      let m = f.next_state({ stability: c.stability, difficulty: c.difficulty }, t, rating);
      if (!recalled) m = f.next_state(m, 0, Rating.Good); // the relearning step, same day
      reviews += recalled ? 1 : 2;
      seconds += recalled ? h.recallSeconds : h.forgetSeconds;
      c.stability = m.stability;
      c.difficulty = m.difficulty;
      c.lastDay = day;
      c.dueDay = day + Math.max(1, f.next_interval(m.stability, t));
      place(c);
    }
    for (let i = 0; i < newOnDay[day]!; i++) {
      const first = pick(rand(), h.firstRatings, [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
      let m = f.next_state(null, 0, first);
      // Learning steps end with Good the same day, as the relearning step does.
      if (first !== Rating.Easy) m = f.next_state(m, 0, Rating.Good);
      reviews += first === Rating.Easy ? 1 : 2;
      seconds += h.learnSeconds;
      const c = { stability: m.stability, difficulty: m.difficulty, lastDay: day, dueDay: day + Math.max(1, f.next_interval(m.stability, 0)) };
      cards.push(c);
      place(c);
    }
  }
  let memorized = 0;
  for (const c of cards) memorized += forgetting_curve(w, HORIZON_DAYS - c.lastDay, c.stability);
  return { reviews: reviews / copies, seconds: seconds / copies, memorized: memorized / copies };
}

export function simulateWorkload(input: WorkloadInput, retention: number): WorkloadPoint {
  const f = fsrs(
    generatorParameters({
      request_retention: retention,
      maximum_interval: input.maximumInterval,
      enable_fuzz: false,
      ...(input.weights ? { w: input.weights } : {}),
    }),
  );
  const size = input.cards.length + input.newCards;
  const copies = size === 0 ? 1 : Math.max(1, Math.ceil(MIN_SIMULATED / size));
  const r = simulateOne(f, input, copies, 20261202);
  return {
    retention,
    reviewsPerDay: r.reviews / HORIZON_DAYS,
    minutesPerDay: r.seconds / 60 / HORIZON_DAYS,
    memorized: r.memorized,
    minutesPerMemorized: r.memorized > 0 ? r.seconds / 60 / r.memorized : Infinity,
  };
}

// Never recommended below 80% (Anki warns below it, and these are facts worth keeping) nor
// above 95% (where the reviews grow fast for little more remembered); the simulation still
// shows 70% to 97%. The warnings themselves: lib/settings/retention-warning.ts.
export { MIN_RECOMMENDED_RETENTION, MAX_RECOMMENDED_RETENTION, retentionWarning } from "../settings/retention-warning";

// The retention with the least work per card remembered, from `floor` to `ceiling`.
export function optimalRetention(points: WorkloadPoint[], floor = MIN_RECOMMENDED_RETENTION, ceiling = MAX_RECOMMENDED_RETENTION): WorkloadPoint | null {
  let best: WorkloadPoint | null = null;
  for (const p of points) {
    if (p.retention < floor - 1e-9 || p.retention > ceiling + 1e-9 || !Number.isFinite(p.minutesPerMemorized)) continue;
    if (!best || p.minutesPerMemorized < best.minutesPerMemorized) best = p;
  }
  return best;
}

// A duration for people, not a decimal: "45 s", "4 min 30 s", "1 h 5 min". Rounded to the
// second under ten minutes, to the minute above.
export function minutesAndSeconds(minutes: number): string {
  const total = Math.max(0, Math.round(minutes * 60));
  if (total < 60) return `${total} s`;
  if (total < 600) {
    const m = Math.floor(total / 60),
      sec = total % 60;
    return sec ? `${m} min ${sec} s` : `${m} min`;
  }
  const m = Math.round(total / 60);
  if (m < 60) return `${m} min`;
  return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${Math.floor(m / 60)} h`;
}

// What a desired retention means when a card comes up: about this many in ten forgotten.
export function forgottenInTen(retention: number): string {
  const n = Math.round((1 - retention) * 100) / 10;
  return `${Number.isInteger(n) ? n : n.toFixed(1)} in 10`;
}
