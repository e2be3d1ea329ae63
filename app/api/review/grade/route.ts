import { userRoute } from "@/lib/api";
import { gradeAndNext } from "@/lib/srs/review";
import { gradeSchema } from "@/lib/validation/review";

// POST /api/review/grade - grade a card; repeating a clientId returns the first result
export const POST = userRoute((user, body) => gradeAndNext(user, body), gradeSchema);
