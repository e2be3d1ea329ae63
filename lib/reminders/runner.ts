import "server-only";
import { env } from "../env";
import { runReminderTick } from "./tick";

// Started once per server process (instrumentation.ts): a tick every minute. Nothing here
// depends on the process that runs it, so the tick can move to a jobs module unchanged.

const TICK_MS = 60_000;
type RunnerState = { started: boolean; running: boolean };
const g = globalThis as unknown as { unknotReminders?: RunnerState };
const state: RunnerState = (g.unknotReminders ??= { started: false, running: false });

export function startReminderRunner(): void {
  if (state.started) return;
  const config = env();
  if (!config.VAPID_PUBLIC_KEY || !config.VAPID_PRIVATE_KEY) return; // push is off: nothing to send
  state.started = true;
  const vapid = { subject: config.VAPID_SUBJECT, publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY };
  const tick = () => {
    if (state.running) return; // a slow tick is never overlapped by the next
    state.running = true;
    runReminderTick({ vapid })
      .catch((e: unknown) => console.error("reminder tick", e))
      .finally(() => (state.running = false));
  };
  setInterval(tick, TICK_MS).unref();
  tick();
}
