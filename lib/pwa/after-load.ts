// Runs `task` once the page has loaded and the browser is idle, so that work a first visit
// does not need (the service worker's precache: every lesson, quiz and script of the site)
// never competes with the page's own downloads and scripts. Browsers without
// requestIdleCallback (Safari) wait a short moment instead. Returns a cancel function.

type IdleWindow = {
  document: { readyState: string };
  addEventListener(type: "load", listener: () => void, options: { once: boolean }): void;
  removeEventListener(type: "load", listener: () => void): void;
  requestIdleCallback?: (cb: () => void, options: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
};

// The longest an idle callback may wait after load on a page that never goes idle.
export const IDLE_TIMEOUT_MS = 5000;
const FALLBACK_DELAY_MS = 1000;

export function afterLoadWhenIdle(win: IdleWindow, task: () => void): () => void {
  let cancelIdle: (() => void) | undefined;
  const schedule = () => {
    if (win.requestIdleCallback) {
      const id = win.requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
      cancelIdle = () => win.cancelIdleCallback?.(id);
    } else {
      const id = win.setTimeout(task, FALLBACK_DELAY_MS);
      cancelIdle = () => win.clearTimeout(id);
    }
  };
  if (win.document.readyState === "complete") {
    schedule();
    return () => cancelIdle?.();
  }
  win.addEventListener("load", schedule, { once: true });
  return () => {
    win.removeEventListener("load", schedule);
    cancelIdle?.();
  };
}
