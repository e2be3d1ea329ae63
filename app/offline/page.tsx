import type { Metadata } from "next";
import Link from "next/link";
import { getLessons } from "@/lib/content/load";
import { TOPIC_LABELS } from "@/lib/content/schema";
import { SavedLessons } from "./saved-lessons";

export const metadata: Metadata = { title: "You are offline" };
// Prerendered and precached by the service worker, which shows it for a page that is neither
// reachable nor saved.
export const dynamic = "force-static";

export default function OfflinePage() {
  const lessons = getLessons().map((l) => ({ slug: l.slug, title: l.title, topic: TOPIC_LABELS[l.topic] }));
  return (
    <>
      <h1>You are offline</h1>
      <p className="lead">
        This page needs a connection, and this device has not saved it. The lessons and their quizzes are saved for offline reading once you have opened Unknot
        with a connection.
      </p>
      <div className="btn-row">
        <Link className="btn warn big" href="/now">
          In pain now?
        </Link>
      </div>
      <p className="muted">What to do in a flare and the warning-sign check are saved on this device too.</p>
      <div className="notice" role="status" data-testid="offline-notice">
        <p>
          Reviews work offline once you have opened <Link href="/review">Review</Link> on this device while signed in: your answers are kept here and sent when
          the connection returns.
        </p>
        <p>Progress, the card list and settings need the network. When you are back online, reload the page.</p>
      </div>
      <h2>Available offline</h2>
      <SavedLessons lessons={lessons} />
      <div className="btn-row">
        <Link className="btn primary" href="/">
          Home
        </Link>
      </div>
    </>
  );
}
