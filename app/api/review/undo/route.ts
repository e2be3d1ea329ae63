import { userRoute } from "@/lib/api";
import { undoAndNext } from "@/lib/srs/review";
import { undoSchema } from "@/lib/validation/review";

// POST /api/review/undo - undo the user's most recent review
export const POST = userRoute((user, body) => undoAndNext(user, body), undoSchema);
