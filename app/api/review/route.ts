import { userRoute } from "@/lib/api";
import { getReviewState } from "@/lib/srs/review";

export const dynamic = "force-dynamic";

// GET /api/review - the next card to review and today's counts
export const GET = userRoute(async (user) => ({ state: await getReviewState(user) }));
