import { userRoute } from "@/lib/api";
import { statements } from "@/lib/db/statements";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// GET /api/ping - a signed-in no-op: the session check every route makes (one statement),
// through the same wrapper, and an answer. `npm run bench` loads it to measure the framework's
// floor beside the real routes. A server started by the bench (UNKNOT_BENCH_STATEMENTS=1) also
// reports how many SQL statements it has sent in all, so the bench can divide a run's
// statements by its grades.
export const GET = userRoute(async () => (env().UNKNOT_BENCH_STATEMENTS ? { statements: statements.count } : {}));
