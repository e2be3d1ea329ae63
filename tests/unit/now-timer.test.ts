import { describe, expect, it } from "vitest";
import { formatClock, MINUTE, restoreTimer, secondsLeft, timerReducer, type TimerRules, type TimerState } from "@/lib/now/timer";

const rules: TimerRules = { choices: { cold: [10, 15, 20], heat: [20] }, gapMinutes: 120 };
const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const run = (state: TimerState, ...actions: Parameters<typeof timerReducer>[2][]) => actions.reduce((s, a) => timerReducer(rules, s, a), state);

describe("the heat-or-cold timer", () => {
  it("runs for the chosen minutes, counts down, and ends with the time the next session may start", () => {
    const running = run({ phase: "idle" }, { type: "start", kind: "cold", minutes: 15, now: T0 });
    expect(running).toMatchObject({ phase: "running", endsAt: T0 + 15 * MINUTE });
    expect(secondsLeft(running, T0 + 1)).toBe(900);
    expect(secondsLeft(running, T0 + 14 * MINUTE + 500)).toBe(60);
    expect(run(running, { type: "tick", now: T0 + 15 * MINUTE - 1 }).phase).toBe("running");
    const done = run(running, { type: "tick", now: T0 + 15 * MINUTE + 3000 });
    expect(done).toEqual({ phase: "done", kind: "cold", minutes: 15, endedAt: T0 + 15 * MINUTE, nextFrom: T0 + 120 * MINUTE });
    expect(secondsLeft(done, T0 + 16 * MINUTE)).toBe(0);
  });

  it("offers only the cited lengths: any other start changes nothing", () => {
    expect(run({ phase: "idle" }, { type: "start", kind: "heat", minutes: 30, now: T0 })).toEqual({ phase: "idle" });
    expect(run({ phase: "idle" }, { type: "start", kind: "heat", minutes: 10, now: T0 })).toEqual({ phase: "idle" });
  });

  it("stops early on request, still saying when the next session may start, and resets to idle", () => {
    const stopped = run({ phase: "idle" }, { type: "start", kind: "heat", minutes: 20, now: T0 }, { type: "stop", now: T0 + 5 * MINUTE });
    expect(stopped).toEqual({ phase: "stopped", kind: "heat", endedAt: T0 + 5 * MINUTE, nextFrom: T0 + 120 * MINUTE });
    expect(run(stopped, { type: "tick", now: T0 + 60 * MINUTE })).toBe(stopped);
    expect(run(stopped, { type: "reset" })).toEqual({ phase: "idle" });
  });

  it("keeps a running timer across a reload and ignores anything malformed", () => {
    const running = run({ phase: "idle" }, { type: "start", kind: "cold", minutes: 10, now: T0 });
    expect(restoreTimer(rules, JSON.stringify(running))).toEqual(running);
    expect(restoreTimer(rules, null)).toEqual({ phase: "idle" });
    expect(restoreTimer(rules, "{not json")).toEqual({ phase: "idle" });
    expect(restoreTimer(rules, JSON.stringify({ ...running, minutes: 45 }))).toEqual({ phase: "idle" });
    expect(restoreTimer(rules, JSON.stringify({ ...running, kind: "lava" }))).toEqual({ phase: "idle" });
  });

  it("shows minutes and seconds", () => {
    expect(formatClock(725)).toBe("12:05");
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(1200)).toBe("20:00");
  });
});
