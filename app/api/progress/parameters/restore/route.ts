import { noInput, userRoute } from "@/lib/api";
import { restorePrevious } from "@/lib/optimizer/jobs";

// POST /api/progress/parameters/restore - go back to the parameters used before the last Apply
export const POST = userRoute(async (user) => restorePrevious(user.id), noInput);
