import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { requireUser } from "@/lib/auth";
import { getReviewState } from "@/lib/srs/review";
import { reviewUserOf } from "@/lib/srs/review/user";
import { getNextLesson, getStreak } from "@/lib/progress/summary";
import { ReviewSession } from "./review-session";
import { GUIDE_COOKIE } from "./guide-cookie";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const [state, { streak }, jar, nextLesson] = await Promise.all([getReviewState(user), getStreak(user.id), cookies(), getNextLesson(user.id)]);
  return (
    <div className="review-page">
      <h1>Today&apos;s review</h1>
      {/* A new study session per page load: undo reaches back only through it (lib/srs/review/undo.ts). */}
      <ReviewSession sessionId={randomUUID()} initial={state} streak={{ current: streak.current, reviewedToday: streak.reviewedToday }} guideSeen={jar.has(GUIDE_COOKIE)} userId={user.id}
        timeZone={(await reviewUserOf(user)).timeZone} nextLesson={nextLesson} />
    </div>
  );
}
