import { userRoute } from "@/lib/api";
import { getOfflineSnapshot } from "@/lib/srs/review";

export const dynamic = "force-dynamic";

// GET /api/review/offline - today's queue, its cards' content and the learner's scheduling
// parameters, for the browser's offline copy. The service worker never caches /api/ answers.
export const GET = userRoute(async (user) => ({ snapshot: await getOfflineSnapshot(user) }));
