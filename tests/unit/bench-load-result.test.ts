import { describe, expect, it } from "vitest";
import { combined, type LoadResult } from "../../scripts/bench/load-result";

const run = (ok: number, seconds: number, latencies: number[], statuses: Record<string, number> = { 200: ok }, errors = 0): LoadResult => ({
  reqPerSec: ok / seconds,
  ok,
  seconds,
  p50: 0,
  p95: 0,
  p99: 0,
  errors,
  statuses,
  latencies,
});

describe("the bench's load results combined", () => {
  it("gives runs made one after another the requests over the time they took together", () => {
    // 1,000 requests in 5 s, then 500 in 5 s: 150 a second, not the mean of the two rates by accident.
    const r = combined([run(1000, 5, [10]), run(500, 5, [20])], "in turn");
    expect(r.reqPerSec).toBe(150);
    expect(r.seconds).toBe(10);
    expect(r.ok).toBe(1500);
  });

  it("weighs runs in turn by their length, unlike a mean of their rates", () => {
    const r = combined([run(100, 1, [1]), run(100, 9, [1])], "in turn");
    expect(r.reqPerSec).toBe(20);
  });

  it("adds up the rates of runs made side by side", () => {
    const r = combined([run(100, 10, [1]), run(300, 10, [1])], "together");
    expect(r.reqPerSec).toBe(40);
    expect(r.seconds).toBe(10);
  });

  it("pools the latencies, statuses and errors of every run", () => {
    const r = combined([run(2, 1, [10, 30], { 200: 2, 409: 1 }, 1), run(1, 1, [20], { 200: 1 })], "in turn");
    expect(r.latencies).toEqual([10, 30, 20]);
    expect(r.p50).toBe(20);
    expect(r.statuses).toEqual({ 200: 3, 409: 1 });
    expect(r.errors).toBe(1);
  });

  it("reports no rate for runs that took no time", () => {
    expect(combined([], "in turn").reqPerSec).toBe(0);
  });
});
