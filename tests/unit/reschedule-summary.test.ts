import { describe, expect, it } from "vitest";
import { describeSummary, summarizeShifts } from "@/lib/srs/reschedule-summary";
import { moveCause } from "@/lib/srs/move-cause";
import { createScheduler, gradeCard, newCardState } from "@/lib/srs/scheduler";
import { rescheduledCard } from "@/lib/srs/replay";
import { Rating, State } from "ts-fsrs";
import { default_w } from "ts-fsrs";

describe("the reschedule preview", () => {
  it("counts moved cards by direction, with the median and largest shift in days", () => {
    const s = summarizeShifts(10, 7, [0, 3, -2, 5, 1, 0, -9]);
    expect(s).toEqual({ reviewed: 10, changed: 7, moved: 5, earlier: 2, later: 3, medianShiftDays: 3, maxEarlierDays: 9, maxLaterDays: 5 });
    expect(summarizeShifts(4, 4, [2, -4, 6, 1]).medianShiftDays).toBe(3);
    expect(describeSummary(s)).toBe("5 of 10 cards move: 2 earlier (up to 9 days), 3 later (up to 5 days); median shift 3 days.");
    expect(describeSummary(summarizeShifts(3, 0, []))).toMatch(/nothing would change/);
    expect(describeSummary(summarizeShifts(0, 0, []))).toMatch(/no reviewed cards/);
  });

  it("blames a changed memory state on new parameters, an interval the cap changed on the maximum interval, and the rest on retention", () => {
    const card = { stability: 12.5, difficulty: 5.1, scheduledDays: 12 };
    const days = (n: number) => () => n;
    expect(moveCause(card, { ...card, stability: 14, scheduledDays: 14 }, 36500, days(14))).toBe("parameters");
    expect(moveCause(card, { ...card, difficulty: 5.3 }, 36500, days(12))).toBe("parameters");
    expect(moveCause(card, { ...card, scheduledDays: 7 }, 7, days(12))).toBe("maximumInterval");
    // Fuzz and even days may put a capped interval a little below the cap.
    expect(moveCause({ ...card, scheduledDays: 6 }, { ...card, scheduledDays: 5 }, 7, days(6))).toBe("maximumInterval");
    // An interval past the new cap could not stay.
    expect(moveCause({ ...card, scheduledDays: 30 }, { ...card, scheduledDays: 20 }, 25, days(20))).toBe("maximumInterval");
    expect(moveCause(card, { ...card, scheduledDays: 8 }, 36500, days(8))).toBe("retention");
    // Near the cap but where the scheduler puts it without one: the cap did not move it.
    expect(moveCause({ ...card, scheduledDays: 4 }, { ...card, scheduledDays: 6 }, 7, days(6))).toBe("retention");
  });

  it("blames the maximum interval for a card whose fuzzed interval a new cap pulls below the cap's own fuzz range", () => {
    // Found by searching card ids: this card's last review makes a 6-day interval, fuzzed over
    // 4–8 days to 5. A 7-day cap narrows that range to 4–7, where the card's same fuzz seed
    // lands on 4: below 5, the least a 7-day interval is fuzzed to, yet only the cap moved it.
    const day = { timeZone: "UTC", rolloverHour: 4 };
    const base = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day };
    const s = createScheduler(base);
    const start = new Date("2026-03-01T17:00:00Z").getTime();
    const history = (
      [
        [Rating.Again, 0],
        [Rating.Good, 1],
        [Rating.Good, 3],
      ] as const
    ).map(([rating, d]) => ({ rating, review: new Date(start + d * 86_400_000) }));
    let card = newCardState("card-2", history[0]!.review);
    for (const h of history) card = gradeCard(s, card, h.rating, h.review).card;
    const capped = rescheduledCard(createScheduler({ ...base, maximumInterval: 7 }), card, history)!;
    const uncapped = rescheduledCard(s, card, history)!;
    expect({ before: card.scheduledDays, after: capped.scheduledDays, uncapped: uncapped.scheduledDays }).toEqual({ before: 5, after: 4, uncapped: 5 });
    expect(capped.stability).toBe(card.stability);
    expect(moveCause(card, capped, 7, () => uncapped.scheduledDays)).toBe("maximumInterval");
  });

  it("says what caused the moves, in plain words", () => {
    const mixed = summarizeShifts(10, 4, [2, 0, 3, -1], ["parameters", "parameters", "retention", "parameters"]);
    expect(mixed.causes).toEqual({ parameters: 2, retention: 1, maximumInterval: 0 });
    expect(describeSummary(mixed)).toMatch(
      /; median shift 2 days\. Why: 2 because of new memory parameters, 1 because of a changed target for how much you remember\.$/,
    );
    const one = summarizeShifts(5, 2, [4, 6], ["retention", "retention"]);
    expect(describeSummary(one)).toMatch(/All because of a changed target for how much you remember\.$/);
  });

  it("replays a history to exactly the card grading made, and to a new due date under new weights", () => {
    const day = { timeZone: "America/Los_Angeles", rolloverHour: 4 };
    const base = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day };
    const s = createScheduler(base);
    let t = new Date("2026-03-01T17:00:00Z");
    let card = newCardState("c1", t);
    const history = [];
    for (const rating of [Rating.Good, Rating.Good, Rating.Good, Rating.Hard, Rating.Good] as const) {
      history.push({ rating, review: t });
      card = gradeCard(s, card, rating, t).card;
      t = new Date(card.due.getTime() + 3_600_000);
    }
    expect(card.state).toBe(State.Review);
    expect(rescheduledCard(s, card, history)).toEqual(card);
    const bolder = createScheduler({ ...base, weights: default_w.map((w, i) => (i === 8 ? w * 1.6 : w)) });
    const moved = rescheduledCard(bolder, card, history)!;
    expect(moved.due.getTime()).toBeGreaterThan(card.due.getTime());
    expect(moved.stability).toBeGreaterThan(card.stability);
    expect({ reps: moved.reps, lapses: moved.lapses, lastReview: moved.lastReview }).toEqual({
      reps: card.reps,
      lapses: card.lapses,
      lastReview: card.lastReview,
    });
  });
});
