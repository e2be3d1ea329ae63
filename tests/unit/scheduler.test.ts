import { describe, expect, it } from "vitest";
import { type Grade, Rating, State, createEmptyCard, fsrs, generatorParameters } from "ts-fsrs";
import { createScheduler, gradeCard, newCardState, previewIntervals, retrievability } from "@/lib/srs/scheduler";
import { formatInterval } from "@/lib/srs/interval-label";
import { checkWeights, InvalidWeightsError } from "@/lib/srs/weights";

const start = new Date(Date.UTC(2026, 2, 1, 9, 30, 0));
const sequence: { rating: Grade; afterMinutes: number }[] = [
  { rating: Rating.Good, afterMinutes: 0 },
  { rating: Rating.Good, afterMinutes: 10 },
  { rating: Rating.Again, afterMinutes: 60 * 24 * 3 },
  { rating: Rating.Hard, afterMinutes: 10 },
  { rating: Rating.Good, afterMinutes: 60 * 24 },
  { rating: Rating.Easy, afterMinutes: 60 * 24 * 5 },
  { rating: Rating.Good, afterMinutes: 60 * 24 * 20 },
];
const settings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false, weights: null, day: { timeZone: "UTC", rolloverHour: 0 } };

describe("the scheduling wrapper", () => {
  it("grades, previews and scores a card whose last review is later than now as if last reviewed now", () => {
    const f = createScheduler(settings);
    const learning = {
      ...newCardState("ahead", start),
      state: State.Learning,
      learningSteps: 1,
      reps: 1,
      stability: 2.3,
      difficulty: 5,
      lastReview: new Date(start.getTime() + 86_400_000),
    };
    const asOfNow = { ...learning, lastReview: start };
    expect(gradeCard(f, learning, Rating.Good, start)).toEqual(gradeCard(f, asOfNow, Rating.Good, start));
    expect(previewIntervals(f, learning, start)).toEqual(previewIntervals(f, asOfNow, start));
    expect(retrievability(f, learning, start)).toBe(retrievability(f, asOfNow, start));
  });

  it("gives exactly what ts-fsrs gives over a sequence of grades", () => {
    const ours = createScheduler(settings);
    const bare = fsrs(generatorParameters({ request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false, enable_short_term: true }));
    let mine = newCardState("c1", start);
    let theirs = createEmptyCard(start);
    let now = start;
    for (const step of sequence) {
      now = new Date(now.getTime() + step.afterMinutes * 60_000);
      const a = gradeCard(ours, mine, step.rating, now);
      const b = bare.next(theirs, now, step.rating);
      expect(a.card.due).toEqual(b.card.due);
      expect(a.card.stability).toBe(b.card.stability);
      expect(a.card.difficulty).toBe(b.card.difficulty);
      expect(a.card.state).toBe(b.card.state);
      expect(a.card.learningSteps).toBe(b.card.learning_steps);
      expect(a.card.reps).toBe(b.card.reps);
      expect(a.card.lapses).toBe(b.card.lapses);
      expect(a.log.state).toBe(b.log.state);
      expect(a.log.stability).toBe(b.log.stability);
      expect(a.log.scheduledDays).toBe(b.log.scheduled_days);
      mine = a.card;
      theirs = b.card;
      now = a.card.due.getTime() > now.getTime() ? now : now;
    }
    expect(mine.reps).toBe(sequence.length);
    expect(mine.lapses).toBe(1);
  });

  it("shows on each button the due date that grading then gives, fuzz included", () => {
    const f = createScheduler({ ...settings, enableFuzz: true });
    let card = newCardState("card-xyz", start);
    let now = start;
    for (const rating of [Rating.Good, Rating.Good, Rating.Good, Rating.Easy, Rating.Good] as Grade[]) {
      const preview = previewIntervals(f, card, now);
      const graded = gradeCard(f, card, rating, now);
      expect(preview.find((p) => p.rating === rating)!.due).toEqual(graded.card.due);
      card = graded.card;
      now = card.due;
    }
  });

  it("labels a new card's buttons with ts-fsrs's learning steps", () => {
    const labels = previewIntervals(createScheduler(settings), newCardState("n", start), start).map((p) => p.label);
    expect(labels.slice(0, 3)).toEqual(["1m", "6m", "10m"]);
    expect(labels[3]).toMatch(/^\d+d$/);
  });

  it("uses the user's own weights, not the defaults, for previews and retrievability", () => {
    const custom = [...generatorParameters().w];
    custom[3] = 30; // initial stability after Easy
    custom[20] = 0.5; // forgetting-curve decay
    const mine = createScheduler({ ...settings, weights: custom });
    const dflt = createScheduler(settings);
    const fresh = newCardState("w", start);
    const easyIn = (f: typeof mine) =>
      previewIntervals(f, fresh, start)
        .find((p) => p.rating === Rating.Easy)!
        .due.getTime();
    expect(easyIn(mine)).toBeGreaterThan(easyIn(dflt));
    const card = gradeCard(dflt, fresh, Rating.Easy, start).card;
    const later = new Date(start.getTime() + 30 * 86_400_000);
    expect(retrievability(mine, card, later)).not.toBeCloseTo(retrievability(dflt, card, later), 3);
  });

  it("gives the same recall from the memory state alone as ts-fsrs gives for the whole card", () => {
    const f = createScheduler(settings);
    let card = newCardState("m", start);
    let t = start;
    for (const rating of [Rating.Good, Rating.Good, Rating.Hard, Rating.Again, Rating.Good] as const) {
      card = gradeCard(f, card, rating, t).card;
      t = card.due;
    }
    const later = new Date(t.getTime() + 9 * 86_400_000);
    const whole = f.fsrs.get_retrievability(
      {
        due: card.due,
        stability: card.stability,
        difficulty: card.difficulty,
        elapsed_days: card.elapsedDays,
        scheduled_days: card.scheduledDays,
        learning_steps: card.learningSteps,
        reps: card.reps,
        lapses: card.lapses,
        state: card.state,
        last_review: card.lastReview ?? undefined,
      },
      later,
      false,
    );
    const { state, due, stability, lastReview } = card;
    expect(retrievability(f, { state, due, stability, lastReview }, later)).toBe(whole);
    expect(whole).toBeGreaterThan(0);
    expect(whole).toBeLessThan(1);
  });

  it("refuses weight arrays that are not 21 finite numbers", () => {
    expect(() => checkWeights(new Array(19).fill(1))).toThrow(InvalidWeightsError);
    expect(() => checkWeights([...new Array(20).fill(1), Number.NaN])).toThrow(InvalidWeightsError);
    expect(() => createScheduler({ ...settings, weights: new Array(17).fill(1) })).toThrow(InvalidWeightsError);
    expect(checkWeights(new Array(21).fill(1))).toHaveLength(21);
  });

  it("formats intervals compactly", () => {
    expect(formatInterval(60_000)).toBe("1m");
    expect(formatInterval(10 * 60_000)).toBe("10m");
    expect(formatInterval(3 * 3_600_000)).toBe("3h");
    expect(formatInterval(4 * 86_400_000)).toBe("4d");
    expect(formatInterval(63 * 86_400_000)).toBe("2.1mo");
    expect(formatInterval(365 * 86_400_000)).toBe("1y");
  });
});
