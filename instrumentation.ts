import { PHASE_PRODUCTION_BUILD } from "next/constants";

// Runs once when a Next.js server process starts (Next's instrumentation hook). The optimizer's
// job runner starts here, so that page reads (/progress) never start it as a side effect.
// The runner's sweeps query the database, so it never starts during `next build` (whose
// page-data workers may load this hook), only in a server.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startOptimizerRunner } = await import("./lib/optimizer/runner");
  startOptimizerRunner();
  // Review reminders (lib/reminders/): a tick a minute, when push is configured.
  const { startReminderRunner } = await import("./lib/reminders/runner");
  startReminderRunner();
}
