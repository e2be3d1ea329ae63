import { noInput, userRoute } from "@/lib/api";
import { getJob, getParameterStatus, requestOptimization } from "@/lib/optimizer/jobs";

export const dynamic = "force-dynamic";

// GET /api/progress/optimize?job=<id> - one of the user's optimisation jobs; without ?job, the parameter status
export const GET = userRoute(async (user, _body, req) => {
  const jobId = new URL(req.url).searchParams.get("job");
  return jobId ? { job: await getJob(user.id, jobId.slice(0, 64)) } : { status: await getParameterStatus(user) };
});

// POST /api/progress/optimize - queue "Optimize my schedule" (refused below the data threshold)
export const POST = userRoute(async (user) => ({ job: await requestOptimization(user.id) }), noInput);
