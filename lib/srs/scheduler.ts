import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  GenSeedStrategyWithCardId,
  Rating,
  StrategyMode,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type ReviewLog as FsrsLog,
} from "ts-fsrs";
import { checkWeights } from "./weights";

// A thin, pure wrapper over ts-fsrs: every scheduling decision is ts-fsrs's own; this
// module only maps our stored card shape in and out and builds the user's parameters.

export type SchedulerSettings = {
  desiredRetention: number;
  maximumInterval: number;
  enableFuzz: boolean;
  weights: number[] | null;
};

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

export function createScheduler(s: SchedulerSettings): FSRS {
  const params = generatorParameters({
    request_retention: s.desiredRetention,
    maximum_interval: s.maximumInterval,
    enable_fuzz: s.enableFuzz,
    enable_short_term: true,
    ...(s.weights ? { w: checkWeights(s.weights) } : {}),
  });
  // Seeding fuzz by card id and repetition count (not by the clock) makes the interval
  // shown on a button the one that grading that card then gives.
  return fsrs(params).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
}

function toFsrs(c: CardState): FsrsCard & { card_id: string } {
  return {
    card_id: c.id,
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.lastReview ?? undefined,
  };
}

function fromFsrs(id: string, c: FsrsCard): CardState {
  return {
    id,
    state: c.state,
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.last_review ?? null,
  };
}

function fromLog(l: FsrsLog): LogSnapshot {
  return {
    rating: l.rating,
    state: l.state,
    due: l.due,
    stability: l.stability,
    difficulty: l.difficulty,
    elapsedDays: l.elapsed_days,
    lastElapsedDays: l.last_elapsed_days,
    scheduledDays: l.scheduled_days,
    learningSteps: l.learning_steps,
    review: l.review,
  };
}

export function gradeCard(f: FSRS, card: CardState, rating: Grade, now: Date): { card: CardState; log: LogSnapshot } {
  const { card: next, log } = f.next(toFsrs(card), now, rating);
  return { card: fromFsrs(card.id, next), log: fromLog(log) };
}

// Forget (Anki's "Reset"): back to New, due now (so at the end of the new queue, which runs in
// due order), with ts-fsrs's own forget; resetCount also zeroes reps and lapses.
export function forgetCard(f: FSRS, card: CardState, now: Date, resetCount: boolean): CardState {
  return fromFsrs(card.id, f.forget(toFsrs(card), now, resetCount).card);
}

export type IntervalPreview = { rating: Grade; due: Date; label: string };

export function previewIntervals(f: FSRS, card: CardState, now: Date): IntervalPreview[] {
  const preview = f.repeat(toFsrs(card), now);
  return GRADES.map((rating) => {
    const due = preview[rating].card.due;
    return { rating, due, label: formatInterval(due.getTime() - now.getTime()) };
  });
}

// Recall probability depends only on the memory state: stability and the time since the
// last review. Taking just these lets /progress read four columns per card instead of all.
export type MemoryState = Pick<CardState, "state" | "due" | "stability" | "lastReview">;

export function retrievability(f: FSRS, card: MemoryState, now: Date): number {
  const fsrsCard: FsrsCard = { ...createEmptyCard(card.due), state: card.state, stability: card.stability, last_review: card.lastReview ?? undefined };
  return f.get_retrievability(fsrsCard, now, false);
}

// Compact labels as on Anki's buttons: "1m", "10m", "3h", "4d", "2.1mo", "1.3y".
export function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = ms / 3_600_000;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = ms / 86_400_000;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, "")}mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, "")}y`;
}

export function newCardState(id: string, now: Date): CardState {
  return { id, state: 0, due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null };
}
