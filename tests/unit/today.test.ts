import { describe, expect, it } from "vitest";
import { summarizeToday } from "@/lib/srs/today";
import { State, Rating } from "ts-fsrs";

describe("today's review tally", () => {
  it("counts every review, the agains, the new cards introduced and the time spent", () => {
    const stats = summarizeToday([
      { state: State.New, rating: Rating.Good, count: 4, durationMs: 20_000 },
      { state: State.New, rating: Rating.Again, count: 2, durationMs: 9_000 },
      { state: State.Review, rating: Rating.Again, count: 3, durationMs: 12_000 },
      { state: State.Review, rating: Rating.Easy, count: 5, durationMs: 10_000 },
      { state: State.Learning, rating: Rating.Good, count: 1, durationMs: 1_000 },
    ]);
    expect(stats).toEqual({ done: 15, again: 5, introduced: 6, timeMs: 52_000 });
  });

  it("is all zeros on a day without reviews", () => {
    expect(summarizeToday([])).toEqual({ done: 0, again: 0, introduced: 0, timeMs: 0 });
  });
});
