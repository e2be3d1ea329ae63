import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  GenSeedStrategyWithCardId,
  get_fuzz_range,
  Rating,
  StrategyMode,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type ReviewLog as FsrsLog,
  State,
} from "ts-fsrs";
import { checkWeights } from "./weights";
import type { DayContext } from "./day";
import { StudyClock } from "./study-clock";
import { balancedInterval, sliceWindow, type LoadWindow } from "./load-balance";
import { formatInterval, formatIntervalRange } from "./interval-label";

// A thin, pure wrapper over ts-fsrs: every scheduling decision is ts-fsrs's own (but the day an
// interval lands on, which even days may move within its fuzz range, lib/srs/load-balance.ts); this
// module only maps our stored card shape in and out and builds the user's parameters.
// Every date goes in and out through the study clock (study-clock.ts), so ts-fsrs counts
// elapsed days by the learner's study days (zone and rollover hour), as Anki and fsrs-rs do.

export type SchedulerSettings = {
  desiredRetention: number;
  // The safety group's own desired retention (lib/srs/safety.ts); left out, SAFETY_RETENTION.
  safetyRetention?: number;
  maximumInterval: number;
  enableFuzz: boolean;
  weights: number[] | null;
  // The learner's zone and rollover hour: what a "day" is for elapsed days.
  day: DayContext;
};

export type Scheduler = { fsrs: FSRS; day: DayContext };

const DAY_MS = 86_400_000;

export type CardState = {
  id: string;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
};

export type LogSnapshot = {
  rating: number;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
};

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;

// ts-fsrs's FSRS for a set of parameters, built once: building one costs tens of microseconds,
// and every grade and queue read needs one or two. A shared instance is safe: ts-fsrs sets the
// seed of each scheduling call (the card's id and repetitions) before it reads it, synchronously.
const instances = new Map<string, FSRS>();
const MAX_INSTANCES = 500;

export function createScheduler(s: SchedulerSettings): Scheduler {
  const key = `${s.desiredRetention}|${s.maximumInterval}|${s.enableFuzz}|${s.weights?.join(",") ?? ""}`;
  let instance = instances.get(key);
  if (!instance) {
    const params = generatorParameters({
      request_retention: s.desiredRetention,
      maximum_interval: s.maximumInterval,
      enable_fuzz: s.enableFuzz,
      enable_short_term: true,
      ...(s.weights ? { w: checkWeights(s.weights) } : {}),
    });
    // Seeding fuzz by card id and repetition count (not by the clock) makes the interval
    // shown on a button the one that grading that card then gives (fuzzSeedOf below).
    instance = fsrs(params).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
    if (instances.size >= MAX_INSTANCES) instances.clear();
    instances.set(key, instance);
  }
  return { fsrs: instance, day: s.day };
}

// The one fuzz seed: ts-fsrs's seed strategy (GenSeedStrategyWithCardId("card_id")) reads this
// with the card's repetition count. It is the Card row's id, for grading, button previews, the
// offline queue and replay, rescheduling and seeded histories alike, so a card gets the same
// fuzz on every path. A history graded before its card has a row (the demo seed) must be
// graded under the id the row will have (scripts/seed-demo.ts demoCardId).
export const fuzzSeedOf = (card: Pick<CardState, "id">): string => card.id;

// A last review later than `now` (a clock that ran fast, a hand-made import) counts as made
// now: ts-fsrs refuses a negative elapsed time, and one card's bad row must not stop grading
// or break the pages that show it.
const notAfter = (d: Date, now: Date) => (d.getTime() > now.getTime() ? now : d);

function toFsrs(c: CardState, clock: StudyClock, now: Date): FsrsCard & { card_id: string } {
  return {
    card_id: fuzzSeedOf(c),
    due: clock.in(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.lastReview ? clock.in(notAfter(c.lastReview, now)) : undefined,
  };
}

function fromFsrs(id: string, c: FsrsCard, clock: StudyClock): CardState {
  return {
    id,
    state: c.state,
    due: clock.out(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.last_review ? clock.out(c.last_review) : null,
  };
}

function fromLog(l: FsrsLog, clock: StudyClock): LogSnapshot {
  return {
    rating: l.rating,
    state: l.state,
    due: clock.out(l.due),
    stability: l.stability,
    difficulty: l.difficulty,
    elapsedDays: l.elapsed_days,
    lastElapsedDays: l.last_elapsed_days,
    scheduledDays: l.scheduled_days,
    learningSteps: l.learning_steps,
    review: clock.out(l.review),
  };
}

// The days an even-days pick may choose from for a card ts-fsrs has just scheduled (`next`):
// the fuzz range of its interval, or null when no pick is made (fuzz off, not a review, an
// interval under 2.5 days, or one ts-fsrs set outside that range).
function balanceRange(s: Scheduler, next: FsrsCard, elapsedDays: number, nowStudy: Date): { raw: number; min: number; max: number } | null {
  const p = s.fsrs.parameters;
  if (!p.enable_fuzz || next.state !== State.Review) return null;
  // The interval before fuzz, as ts-fsrs's next_interval computes it; ts-fsrs fuzzes none under 2.5 days.
  const raw = Math.min(Math.max(1, Math.round(next.stability * s.fsrs.calculate_interval_modifier(p.request_retention))), p.maximum_interval);
  if (raw < 2.5) return null;
  const { min_ivl: min, max_ivl: max } = get_fuzz_range(raw, elapsedDays, p.maximum_interval);
  // Only an interval ts-fsrs set by days inside that range (not a learning step of whole days,
  // nor one pushed out of it to keep Hard < Good < Easy) is balanced.
  if (next.scheduled_days < min || next.scheduled_days > max || next.due.getTime() !== nowStudy.getTime() + next.scheduled_days * DAY_MS) return null;
  return { raw, min, max };
}

// Even days (lib/srs/load-balance.ts): a review interval ts-fsrs fuzzed may move to another day
// of its fuzz range, picked from the load `window` (null: ts-fsrs's day stands). Returns the
// card as ts-fsrs left it or moved, and the part of the window the pick read (null when no
// pick was made), which is stored with the review so that a replay reads the same load.
function balance(
  s: Scheduler,
  before: CardState,
  next: FsrsCard,
  elapsedDays: number,
  nowStudy: Date,
  window: LoadWindow | null | undefined,
): LoadWindow | null {
  if (!window) return null;
  const range = balanceRange(s, next, elapsedDays, nowStudy);
  if (!range) return null;
  const { raw, min, max } = range;
  const reviewDay = Math.floor(nowStudy.getTime() / DAY_MS);
  const read = sliceWindow(window, reviewDay + min, reviewDay + max);
  if (!read) return null;
  const days = balancedInterval({ interval: raw, min, max, reviewDay, window: read, seed: `${fuzzSeedOf(before)}:${before.reps}` });
  if (days !== null) {
    next.scheduled_days = days;
    next.due = new Date(nowStudy.getTime() + days * DAY_MS);
  }
  return read;
}

export type Graded = { card: CardState; log: LogSnapshot; balance: LoadWindow | null };

export function gradeCard(s: Scheduler, card: CardState, rating: Grade, now: Date, window?: LoadWindow | null): Graded {
  return planGrade(s, card, rating, now).finish(window);
}

// A grade in two steps, for a caller that reads the load only when a pick needs it: `days`, the
// study days (as studyDayNumber numbers them) an even-days pick would choose among, null when
// none is made; then `finish` with a window holding at least those days (and SECTION_GAP on
// each side, lib/srs/load-balance.ts) grades exactly as gradeCard with the whole window would.
export function planGrade(
  s: Scheduler,
  card: CardState,
  rating: Grade,
  now: Date,
): { days: { from: number; to: number } | null; finish(window?: LoadWindow | null): Graded } {
  const clock = new StudyClock(s.day);
  const nowStudy = clock.in(now);
  const { card: next, log } = s.fsrs.next(toFsrs(card, clock, now), nowStudy, rating);
  const range = balanceRange(s, next, log.elapsed_days, nowStudy);
  const reviewDay = Math.floor(nowStudy.getTime() / DAY_MS);
  return {
    days: range && { from: reviewDay + range.min, to: reviewDay + range.max },
    finish: (window) => {
      const read = balance(s, card, next, log.elapsed_days, nowStudy, window);
      return { card: fromFsrs(card.id, next, clock), log: fromLog(log, clock), balance: read };
    },
  };
}

// Forget (Anki's "Reset"): back to New, due now (so at the end of the new queue, which runs in
// due order), with ts-fsrs's own forget; resetCount also zeroes reps and lapses.
export function forgetCard(s: Scheduler, card: CardState, now: Date, resetCount: boolean): CardState {
  const clock = new StudyClock(s.day);
  return fromFsrs(card.id, s.fsrs.forget(toFsrs(card, clock, now), clock.in(now), resetCount).card, clock);
}

// `latest`: set when the day is not known yet (see previewIntervals); `due` is then the
// earliest day the grade can give and `latest` the last.
export type IntervalPreview = { rating: Grade; due: Date; label: string; latest?: Date };

// The due date each button gives, balanced from the same load window grading will read. With
// even days on but no window read (the queue read does not read the load, to stay one
// statement), a grade that even days will place gets the days it can land on: its fuzz range,
// which the pick never leaves (label "4–6d"), so the preview is never wrong.
export function previewIntervals(s: Scheduler, card: CardState, now: Date, window?: LoadWindow | null, evenDays = false): IntervalPreview[] {
  const clock = new StudyClock(s.day);
  const nowStudy = clock.in(now);
  const preview = s.fsrs.repeat(toFsrs(card, clock, now), nowStudy);
  return GRADES.map((rating) => {
    const next = preview[rating];
    const range = !window && evenDays ? balanceRange(s, next.card, next.log.elapsed_days, nowStudy) : null;
    if (range && range.min < range.max) {
      const due = clock.out(new Date(nowStudy.getTime() + range.min * DAY_MS));
      const latest = clock.out(new Date(nowStudy.getTime() + range.max * DAY_MS));
      return { rating, due, latest, label: formatIntervalRange(due.getTime() - now.getTime(), latest.getTime() - now.getTime()) };
    }
    balance(s, card, next.card, next.log.elapsed_days, nowStudy, window);
    const due = clock.out(next.card.due);
    return { rating, due, label: formatInterval(due.getTime() - now.getTime()) };
  });
}

// Recall probability depends only on the memory state: stability and the time since the
// last review. Taking just these lets /progress read four columns per card instead of all.
export type MemoryState = Pick<CardState, "state" | "due" | "stability" | "lastReview">;

export function retrievability(s: Scheduler, card: MemoryState, now: Date): number {
  const clock = new StudyClock(s.day);
  const fsrsCard: FsrsCard = {
    ...createEmptyCard(clock.in(card.due)),
    state: card.state,
    stability: card.stability,
    last_review: card.lastReview ? clock.in(notAfter(card.lastReview, now)) : undefined,
  };
  return s.fsrs.get_retrievability(fsrsCard, clock.in(now), false);
}

// retrievability() for many cards of one learner: the caller maps each instant to the study
// clock once (toStudyClock), and a reviewed card's recall at a study-clock instant is then one
// curve evaluation, without a ts-fsrs card per call. The same figure as retrievability() for a
// card that is not new (tests/unit/recall-at.test.ts).
export function recallAt(s: Scheduler, stability: number, lastReviewClockMs: number, atClockMs: number): number {
  const elapsedDays = Math.max(0, Math.floor((atClockMs - lastReviewClockMs) / DAY_MS));
  return s.fsrs.forgetting_curve(elapsedDays, +stability.toFixed(8));
}

export function newCardState(id: string, now: Date): CardState {
  return {
    id,
    state: State.New,
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}
