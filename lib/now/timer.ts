// The heat-or-cold timer's state as a pure reducer over wall-clock times, so the page needs
// only to feed it the time (a one-second tick) and act on what it returns.

export type PackKind = "heat" | "cold";

export type TimerState =
  | { phase: "idle" }
  | { phase: "running"; kind: PackKind; minutes: number; startedAt: number; endsAt: number }
  | { phase: "done"; kind: PackKind; minutes: number; endedAt: number; nextFrom: number }
  | { phase: "stopped"; kind: PackKind; endedAt: number; nextFrom: number };

export type TimerAction =
  { type: "start"; kind: PackKind; minutes: number; now: number } | { type: "tick"; now: number } | { type: "stop"; now: number } | { type: "reset" };

export type TimerRules = {
  /** The session lengths offered, in minutes. */
  choices: Record<PackKind, readonly number[]>;
  /** How long after a session starts the next one may start, in minutes. */
  gapMinutes: number;
};

export const MINUTE = 60_000;

export function timerReducer(rules: TimerRules, state: TimerState, action: TimerAction): TimerState {
  switch (action.type) {
    case "start": {
      if (!rules.choices[action.kind].includes(action.minutes)) return state;
      return { phase: "running", kind: action.kind, minutes: action.minutes, startedAt: action.now, endsAt: action.now + action.minutes * MINUTE };
    }
    case "tick":
      if (state.phase !== "running" || action.now < state.endsAt) return state;
      return { phase: "done", kind: state.kind, minutes: state.minutes, endedAt: state.endsAt, nextFrom: state.startedAt + rules.gapMinutes * MINUTE };
    case "stop":
      if (state.phase !== "running") return state;
      return { phase: "stopped", kind: state.kind, endedAt: action.now, nextFrom: state.startedAt + rules.gapMinutes * MINUTE };
    case "reset":
      return { phase: "idle" };
  }
}

/** Whole seconds left (rounded up), never below zero. */
export function secondsLeft(state: TimerState, now: number): number {
  return state.phase === "running" ? Math.max(0, Math.ceil((state.endsAt - now) / 1000)) : 0;
}

/** "12:05" for 725 seconds. */
export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** A running timer kept across a reload (localStorage); anything malformed counts as none. */
export function restoreTimer(rules: TimerRules, raw: string | null): TimerState {
  if (!raw) return { phase: "idle" };
  try {
    const x = JSON.parse(raw) as Partial<Extract<TimerState, { phase: "running" }>>;
    if (x.phase !== "running" || (x.kind !== "heat" && x.kind !== "cold") || typeof x.minutes !== "number" || typeof x.startedAt !== "number") {
      return { phase: "idle" };
    }
    if (!rules.choices[x.kind].includes(x.minutes)) return { phase: "idle" };
    return { phase: "running", kind: x.kind, minutes: x.minutes, startedAt: x.startedAt, endsAt: x.startedAt + x.minutes * MINUTE };
  } catch {
    return { phase: "idle" };
  }
}
