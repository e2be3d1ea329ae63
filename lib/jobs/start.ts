import "server-only";
import { optimizerJobs } from "../optimizer/runner";
import { workloadJobs } from "../srs/workload-jobs";

// Started once per server process by instrumentation.ts: drains every kind's queue now, then
// looks again every minute, so a job queued by another server, or left "running" by a server
// that stopped, is taken up without any request having to start a loop.
const SWEEP_MS = 60_000;
const runners = [optimizerJobs, workloadJobs];

const g = globalThis as unknown as { unknotJobsStarted?: boolean };

export function startJobRunners(): void {
  if (g.unknotJobsStarted) return;
  g.unknotJobsStarted = true;
  for (const r of runners) void r.kick();
  const timer = setInterval(() => {
    for (const r of runners) r.sweep().catch((e: unknown) => console.error("jobs sweep", e));
  }, SWEEP_MS);
  timer.unref();
}
