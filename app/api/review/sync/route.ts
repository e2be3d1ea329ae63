import { userRoute } from "@/lib/api";
import { syncOfflineGrades } from "@/lib/srs/review";
import { syncSchema } from "@/lib/validation/review";

// POST /api/review/sync - grades made offline, in order; each is replayed on the server from
// the card's stored state at its own review time, and answered stored, repeat or refused.
export const POST = userRoute(async (user, body) => ({ results: await syncOfflineGrades(user, body.grades) }), syncSchema);
