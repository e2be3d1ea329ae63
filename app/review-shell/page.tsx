import type { Metadata } from "next";
import { ReviewSession } from "../review/review-session";
import { NoOfflineCopy } from "../review/no-offline-copy";
import "../review/review.css";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-static";

// The offline shell of /review: the service worker precaches this page (it is prerendered and
// holds no user data) and answers a /review navigation with it when the network fails. The
// session then runs from this device's IndexedDB copy (app/review/offline-review.ts).
const EMPTY = { card: null, counts: { new: 0, learning: 0, review: 0 }, today: { done: 0, again: 0, timeMs: 0 }, nextDueAt: null, lastLogId: null };

export default function ReviewShellPage() {
  return (
    <div className="review-page">
      <h1>Today&apos;s review</h1>
      <ReviewSession
        initial={EMPTY}
        streak={{ current: 0, reviewedToday: true }}
        guideSeen
        userId={null}
        withoutCopy={{ opening: <NoOfflineCopy opening />, none: <NoOfflineCopy opening={false} /> }}
      />
    </div>
  );
}
