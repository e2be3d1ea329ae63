import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { getReviewState } from "@/lib/srs/review";
import { ReviewSession } from "./review-session";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const state = await getReviewState(user);
  return (
    <>
      <h1>Today&apos;s review</h1>
      <ReviewSession initial={state} />
    </>
  );
}
