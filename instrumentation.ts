import { PHASE_PRODUCTION_BUILD } from "next/constants";

// Runs once when a Next.js server process starts (Next's instrumentation hook). The background
// jobs' runners (lib/jobs/) start here, so that page reads never start them as a side effect.
// The runners' sweeps query the database, so it never starts during `next build` (whose
// page-data workers may load this hook), only in a server.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startJobRunners } = await import("./lib/jobs/start");
  startJobRunners();
  // Review reminders (lib/reminders/): a tick a minute, when push is configured.
  const { startReminderRunner } = await import("./lib/reminders/runner");
  startReminderRunner();
}
