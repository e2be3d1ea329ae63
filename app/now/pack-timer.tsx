"use client";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { formatClock, restoreTimer, secondsLeft, timerReducer, type PackKind, type TimerRules, type TimerState } from "@/lib/now/timer";

const STORAGE_KEY = "unknot-pack-timer";
type WakeLockSentinelLike = { release(): Promise<void> };

const clockTime = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

// Asked only when the learner starts a timer (a user gesture), never on page load.
async function askToNotify(): Promise<void> {
  if (typeof Notification === "undefined" || Notification.permission !== "default") return;
  try {
    await Notification.requestPermission();
  } catch {
    // Older browsers take a callback instead; without permission the page still says it.
  }
}

// Through the service worker where there is one: phones show no `new Notification()`.
async function notify(title: string, body: string): Promise<void> {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  try {
    const reg = "serviceWorker" in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
    if (reg) await reg.showNotification(title, { body, tag: "unknot-pack-timer" });
    else new Notification(title, { body, tag: "unknot-pack-timer" });
  } catch {
    // A notification is a courtesy: the page shows the same words.
  }
}

// The heat-or-cold timer: keeps the screen awake while it runs (Wake Lock API, where the
// browser has it), and when the time is up vibrates, notifies and says when the next session
// may start. The state is a pure reducer (lib/now/timer.ts) fed by a one-second tick; a
// running timer survives a reload through localStorage.
export function PackTimer({ rules }: { rules: TimerRules }) {
  const reduce = useCallback((s: TimerState, a: Parameters<typeof timerReducer>[2]) => timerReducer(rules, s, a), [rules]);
  const [state, dispatch] = useReducer(reduce, { phase: "idle" });
  const [kind, setKind] = useState<PackKind>("heat");
  const [minutes, setMinutes] = useState<number>(rules.choices.heat.at(-1)!);
  const [now, setNow] = useState(0);
  const [awake, setAwake] = useState<"yes" | "no" | null>(null);
  const lock = useRef<WakeLockSentinelLike | null>(null);
  const announced = useRef(false);

  useEffect(() => {
    const restored = restoreTimer(rules, localStorage.getItem(STORAGE_KEY));
    if (restored.phase === "running") dispatch({ type: "start", kind: restored.kind, minutes: restored.minutes, now: restored.startedAt });
  }, [rules]);

  const running = state.phase === "running";

  // The tick, only while running.
  useEffect(() => {
    if (!running) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      dispatch({ type: "tick", now: t });
    };
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [running]);

  // The screen stays on while the timer runs; the browser drops the lock when the page is
  // hidden, so it is taken again when the page comes back.
  useEffect(() => {
    if (!running) return;
    const wl = (navigator as Navigator & { wakeLock?: { request(type: "screen"): Promise<WakeLockSentinelLike> } }).wakeLock;
    let cancelled = false;
    const acquire = async () => {
      try {
        // No Wake Lock API here: the learner is told the screen may turn off.
        if (!wl) throw new Error("no wake lock");
        const sentinel = await wl.request("screen");
        if (cancelled) await sentinel.release();
        else {
          lock.current = sentinel;
          setAwake("yes");
        }
      } catch {
        setAwake("no");
      }
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") void acquire();
    };
    void acquire();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      cancelled = true;
      document.removeEventListener("visibilitychange", onVisible);
      void lock.current?.release().catch(() => undefined);
      lock.current = null;
    };
  }, [running]);

  // Kept across a reload while running; cleared otherwise.
  useEffect(() => {
    if (state.phase === "running") localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    else if (state.phase !== "idle") localStorage.removeItem(STORAGE_KEY);
  }, [state]);

  // Time is up: vibrate and notify, once.
  useEffect(() => {
    if (state.phase !== "done") {
      announced.current = false;
      return;
    }
    if (announced.current) return;
    announced.current = true;
    navigator.vibrate?.([300, 150, 300, 150, 300]);
    void notify("Time is up", `Take the ${state.kind === "heat" ? "heat" : "cold"} pack off and move gently. Next session from ${clockTime(state.nextFrom)}.`);
  }, [state]);

  const start = () => {
    void askToNotify();
    dispatch({ type: "start", kind, minutes, now: Date.now() });
  };
  const pick = (k: PackKind) => {
    setKind(k);
    if (!rules.choices[k].includes(minutes)) setMinutes(rules.choices[k].at(-1)!);
  };

  return (
    <div className="pack-timer" data-testid="pack-timer" data-phase={state.phase}>
      {state.phase === "running" ? (
        <>
          <p className="timer-clock" role="timer" aria-label={`${state.kind === "heat" ? "Heat" : "Cold"} pack, time left`} data-testid="timer-clock">
            {formatClock(secondsLeft(state, now || state.startedAt))}
          </p>
          <p className="muted timer-note">
            {state.kind === "heat" ? "Heat" : "Cold"} for {state.minutes} minutes, until {clockTime(state.endsAt)}.{" "}
            {awake === "yes" ? "The screen stays on." : awake === "no" ? "Keep the screen on to hear the end." : null}
          </p>
          <button type="button" className="btn" onClick={() => dispatch({ type: "stop", now: Date.now() })}>
            Stop
          </button>
        </>
      ) : (
        <>
          <fieldset className="timer-choice">
            <legend>Pack</legend>
            {(["heat", "cold"] as const).map((k) => (
              <label key={k} className="chip">
                <input type="radio" name="pack-kind" value={k} checked={kind === k} onChange={() => pick(k)} />
                <span>{k === "heat" ? "Heat" : "Cold"}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="timer-choice">
            <legend>Minutes</legend>
            {rules.choices[kind].map((m) => (
              <label key={m} className="chip">
                <input type="radio" name="pack-minutes" value={m} checked={minutes === m} onChange={() => setMinutes(m)} />
                <span>{m}</span>
              </label>
            ))}
          </fieldset>
          <button type="button" className="btn primary big" onClick={start}>
            Start {minutes}-minute timer
          </button>
        </>
      )}
      <div role="status" aria-live="polite" className="timer-status" data-testid="timer-status">
        {state.phase === "done" && (
          <p>
            <strong>Time is up.</strong> Take the pack off and move gently. Next session from <span data-testid="timer-next">{clockTime(state.nextFrom)}</span>.
          </p>
        )}
        {state.phase === "stopped" && (
          <p>
            Stopped. Next session from <span data-testid="timer-next">{clockTime(state.nextFrom)}</span>.
          </p>
        )}
      </div>
      {(state.phase === "done" || state.phase === "stopped") && (
        <button type="button" className="btn" onClick={() => dispatch({ type: "reset" })}>
          New timer
        </button>
      )}
    </div>
  );
}
