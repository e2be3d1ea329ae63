import { userRoute } from "@/lib/api";
import { getReviewState, undoReview } from "@/lib/srs/review";

// POST /api/review/undo - undo the user's most recent review
export const POST = userRoute(async (user, body) => {
  const result = await undoReview(user.id, body);
  return { result, state: await getReviewState(user.id) };
});
