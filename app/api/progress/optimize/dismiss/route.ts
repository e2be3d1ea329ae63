import { userRoute } from "@/lib/api";
import { dismissJob, jobIdSchema } from "@/lib/optimizer/jobs";

// POST /api/progress/optimize/dismiss {jobId} - keep the current parameters
export const POST = userRoute(async (user, body) => dismissJob(user.id, body), jobIdSchema);
