import type { CardState, LogSnapshot } from "./scheduler";

// The one mapping between ts-fsrs's results and our rows. A card row's FSRS fields are a
// CardState (lib/srs/scheduler.ts maps that to and from ts-fsrs's own card); a grade's result
// becomes the card's new columns and a review-log row holding the pre-review snapshot, the
// rest of the card as it was (prev*) and the result (next*); undo restores the card from
// that log. Grading, undo, previews, the simulation, import, the demo seed and the bench
// seed all go through these functions, so every field is spelled out once.

export type CardFields = Omit<CardState, "id">;
export type VersionedCard = CardState & { version: number };

export const CARD_FIELDS = [
  "state",
  "due",
  "stability",
  "difficulty",
  "elapsedDays",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
  "lastReview",
] as const;

export function cardFields(c: CardState | CardFields): CardFields {
  return {
    state: c.state,
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsedDays,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.lastReview,
  };
}

// A stored card row (any object with the columns) as the scheduler's card.
export const cardStateOf = (id: string, row: CardFields): CardState => ({ id, ...cardFields(row) });

export type ReviewLogFields = LogSnapshot & {
  durationMs: number;
  reviewDay: number;
  prevDue: Date;
  prevLastReview: Date | null;
  prevElapsedDays: number;
  prevReps: number;
  prevLapses: number;
  prevVersion: number;
  nextState: number;
  nextDue: Date;
  nextScheduledDays: number;
  nextStability: number;
  nextVersion: number;
};

// The log row of grading `before` into `next` (ts-fsrs's log snapshot `log`).
export function reviewLogFields(before: VersionedCard, next: CardState, log: LogSnapshot, extra: { durationMs: number; reviewDay: number }): ReviewLogFields {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsedDays,
    lastElapsedDays: log.lastElapsedDays,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    review: log.review,
    durationMs: extra.durationMs,
    reviewDay: extra.reviewDay,
    prevDue: before.due,
    prevLastReview: before.lastReview,
    prevElapsedDays: before.elapsedDays,
    prevReps: before.reps,
    prevLapses: before.lapses,
    prevVersion: before.version,
    nextState: next.state,
    nextDue: next.due,
    nextScheduledDays: next.scheduledDays,
    nextStability: next.stability,
    nextVersion: before.version + 1,
  };
}

// The card exactly as it was before the review `log` records (ts-fsrs's rollback does not
// restore the due date, hence the prev* snapshot).
export function restoredCardFields(
  log: Pick<
    ReviewLogFields,
    "state" | "prevDue" | "stability" | "difficulty" | "prevElapsedDays" | "scheduledDays" | "learningSteps" | "prevReps" | "prevLapses" | "prevLastReview"
  >,
): CardFields {
  return {
    state: log.state,
    due: log.prevDue,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.prevElapsedDays,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    reps: log.prevReps,
    lapses: log.prevLapses,
    lastReview: log.prevLastReview,
  };
}
