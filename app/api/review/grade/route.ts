import { userRoute } from "@/lib/api";
import { getReviewState, gradeReview } from "@/lib/srs/review";

// POST /api/review/grade - grade a card; repeating a clientId returns the first result
export const POST = userRoute(async (user, body) => {
  const result = await gradeReview(user.id, body);
  return { result, state: await getReviewState(user.id) };
});
