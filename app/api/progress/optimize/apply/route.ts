import { userRoute } from "@/lib/api";
import { applyJob, jobIdSchema } from "@/lib/optimizer/jobs";

// POST /api/progress/optimize/apply {jobId} - use the job's weights from now on
export const POST = userRoute(async (user, body) => applyJob(user.id, body), jobIdSchema);
