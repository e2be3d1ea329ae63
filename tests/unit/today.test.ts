import { describe, expect, it } from "vitest";
import { summarizeToday } from "@/lib/srs/today";

describe("today's review tally", () => {
  it("counts every review, the agains, the new cards introduced and the time spent", () => {
    const stats = summarizeToday([
      { state: 0, rating: 3, count: 4, durationMs: 20_000 },
      { state: 0, rating: 1, count: 2, durationMs: 9_000 },
      { state: 2, rating: 1, count: 3, durationMs: 12_000 },
      { state: 2, rating: 4, count: 5, durationMs: 10_000 },
      { state: 1, rating: 3, count: 1, durationMs: 1_000 },
    ]);
    expect(stats).toEqual({ done: 15, again: 5, introduced: 6, timeMs: 52_000 });
  });

  it("is all zeros on a day without reviews", () => {
    expect(summarizeToday([])).toEqual({ done: 0, again: 0, introduced: 0, timeMs: 0 });
  });
});
