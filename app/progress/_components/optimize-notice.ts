import type { JobView } from "@/lib/optimizer/jobs";

// What the optimiser panel's status line says (pure, unit-tested). "Optimisation started."
// belongs to a job that is queued or running: once the job has finished, its result or its
// error says what happened, so the notice goes.
export const STARTED_NOTICE = "Optimisation started.";

export function visibleNotice(notice: string | null, job: Pick<JobView, "status"> | null): string | null {
  if (notice === STARTED_NOTICE && job?.status !== "queued" && job?.status !== "running") return null;
  return notice;
}
