import { describe, expect, it } from "vitest";
import { afterLoadWhenIdle, IDLE_TIMEOUT_MS } from "@/lib/pwa/after-load";

// A window whose load event, idle callbacks and timers the test fires by hand.
function fakeWindow(readyState: string, idle = true) {
  const load: (() => void)[] = [];
  const idles = new Map<number, { cb: () => void; timeout: number }>();
  const timers = new Map<number, () => void>();
  let next = 1;
  const win = {
    document: { readyState },
    addEventListener: (_: "load", l: () => void) => void load.push(l),
    removeEventListener: (_: "load", l: () => void) => void load.splice(load.indexOf(l), 1),
    ...(idle
      ? {
          requestIdleCallback: (cb: () => void, o: { timeout: number }) => (idles.set(next, { cb, timeout: o.timeout }), next++),
          cancelIdleCallback: (id: number) => void idles.delete(id),
        }
      : {}),
    setTimeout: (cb: () => void) => (timers.set(next, cb), next++),
    clearTimeout: (id: unknown) => void timers.delete(id as number),
  };
  return {
    win,
    fireLoad: () => load.splice(0).forEach((l) => l()),
    fireIdle: () => [...idles.values()].forEach((i) => i.cb()),
    fireTimers: () => [...timers.values()].forEach((t) => t()),
    idles,
    timers,
  };
}

describe("work deferred until the page has loaded and is idle", () => {
  it("waits for the load event, then for an idle moment (with a timeout), before running", () => {
    const w = fakeWindow("interactive");
    let ran = 0;
    afterLoadWhenIdle(w.win, () => ran++);
    w.fireIdle();
    expect(ran).toBe(0);
    w.fireLoad();
    expect(ran).toBe(0);
    expect([...w.idles.values()][0]!.timeout).toBe(IDLE_TIMEOUT_MS);
    w.fireIdle();
    expect(ran).toBe(1);
  });

  it("only waits for idle on a page that has already loaded", () => {
    const w = fakeWindow("complete");
    let ran = 0;
    afterLoadWhenIdle(w.win, () => ran++);
    w.fireIdle();
    expect(ran).toBe(1);
  });

  it("falls back to a timer where there is no requestIdleCallback", () => {
    const w = fakeWindow("complete", false);
    let ran = 0;
    afterLoadWhenIdle(w.win, () => ran++);
    w.fireTimers();
    expect(ran).toBe(1);
  });

  it("never runs once cancelled, before or after load", () => {
    const before = fakeWindow("loading");
    let ran = 0;
    afterLoadWhenIdle(before.win, () => ran++)();
    before.fireLoad();
    before.fireIdle();
    const after = fakeWindow("loading");
    const cancel = afterLoadWhenIdle(after.win, () => ran++);
    after.fireLoad();
    cancel();
    after.fireIdle();
    expect(ran).toBe(0);
  });
});
