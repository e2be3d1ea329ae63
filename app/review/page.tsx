import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { requireUser } from "@/lib/auth/session";
import { getReviewState } from "@/lib/srs/review";
import { getTodayCheckIn } from "@/lib/srs/bad-day";
import { settingsOf } from "@/lib/settings";
import { getNextLesson, streakOf } from "@/lib/progress/summary";
import { ReviewSession } from "./review-session";
import { GUIDE_COOKIE } from "./guide-cookie";
import { WAITING_COOKIE } from "./waiting-cookie";
import { CheckIn } from "./check-in";
import { BadDayNotice } from "./bad-day-notice";
import { BacklogOffer } from "./backlog-offer";
import { backlogOffer } from "@/lib/srs/away";
import { describeMoves } from "@/lib/srs/away/plan";
import "./review.css";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  const user = await requireUser("/review");
  // Every read at once, none waiting for another (each on its own pooled connection on PostgreSQL).
  const [state, streak, jar, checkIn, nextLesson, settings, offer] = await Promise.all([
    getReviewState(user),
    streakOf(user),
    cookies(),
    getTodayCheckIn(user),
    getNextLesson(user.id),
    settingsOf(user),
    // Back from a break: more due than about two days' reviews (lib/srs/away).
    backlogOffer(user),
  ]);
  // Not on a bad day, which shortens the session already.
  const backlog = checkIn?.badDay || !offer ? null : { due: offer.due, days: offer.days, dailyAverage: offer.dailyAverage, text: describeMoves(offer.summary) };
  // "How is your back today?" once a study day, above the first card of the day (lib/srs/bad-day).
  // It never blocks: grading a card without answering is skipping it for the day.
  const ask = checkIn === null && state.card !== null && state.today.done === 0;
  return (
    <div className="review-page">
      <h1>Today&apos;s review</h1>
      {checkIn?.badDay && <BadDayNotice sessionCards={checkIn.sessionCards} postponed={checkIn.postponed} postponedAtFirst={checkIn.postponedAtFirst} />}
      <BacklogOffer offer={backlog} />
      {/* A new study session per page load: undo reaches back only through it (lib/srs/review/undo.ts).
          Keyed by the check-in, so that answering it or putting cards back starts from the new queue. */}
      <ReviewSession
        key={`${checkIn ? `${checkIn.studyDay}:${checkIn.postponed}` : "none"}:${backlog ? "backlog" : "none"}`}
        sessionId={randomUUID()}
        initial={state}
        streak={{ current: streak.current, reviewedToday: streak.reviewedToday }}
        guideSeen={jar.has(GUIDE_COOKIE)}
        userId={user.id}
        timeZone={settings.timeZone}
        nextLesson={nextLesson}
        checkIn={ask ? <CheckIn /> : undefined}
        sending={jar.get(WAITING_COOKIE)?.value === user.id}
        twoButtons={settings.twoButtonGrading}
      />
    </div>
  );
}
