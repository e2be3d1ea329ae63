"use client";
import Link from "next/link";
import type { ReviewState } from "@/lib/srs/review";
import { comeBackPhrase } from "@/lib/srs/come-back";

export type NextLessonLink = { slug: string; title: string; minutes: number } | null;

function minutesPhrase(ms: number) {
  const m = Math.round(ms / 60_000);
  return m < 1 ? "under a minute" : `${m} minute${m === 1 ? "" : "s"}`;
}

// The end of a session, or a review page with nothing to review: what was done (only if
// something was), when to come back in the learner's own zone, and one primary button, the
// next lesson or, with every lesson in the deck, the way home.
export function SessionEnd({
  state,
  streakNow,
  timeZone,
  nextLesson,
}: {
  state: ReviewState;
  streakNow: number;
  timeZone: string | null;
  nextLesson: NextLessonLink;
}) {
  const left = state.counts.new + state.counts.learning + state.counts.review;
  const done = state.today.done;
  const forgotten = state.today.again;
  const due = state.nextDueAt ? new Date(state.nextDueAt) : null;
  // The offline shell knows no zone: the device's own is the learner's.
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const when = due ? comeBackPhrase(due, new Date(), zone) : null;
  return (
    <article className="panel done-moment" data-testid="session-done">
      {done && left === 0 ? (
        <>
          <h2 className="panel-title">Done for today</h2>
          <p>
            <span className="streak-big" data-testid="done-streak">
              {streakNow}
            </span>
            day streak.
          </p>
        </>
      ) : (
        <h2 className="panel-title">{done ? "Done for now" : "Nothing to review right now"}</h2>
      )}
      {done > 0 && (
        <p data-testid="done-today-line">
          Today you reviewed <b data-testid="done-today">{done}</b> card{done === 1 ? "" : "s"} in {minutesPhrase(state.today.timeMs)}
          {forgotten ? ` and forgot ${forgotten === 1 ? "one" : forgotten} of them` : " and remembered every one"}.
        </p>
      )}
      {nextLesson || !when ? (
        <>
          <p data-testid="come-back" suppressHydrationWarning>
            {when ? <>Your next card is due {when}.</> : <>No cards are waiting: your deck fills as you remember lessons.</>}
          </p>
          <div className="btn-row end-action">
            {nextLesson ? (
              <Link className="btn primary big" href={`/learn/${nextLesson.slug}`}>
                Next lesson: {nextLesson.title} ({nextLesson.minutes} min)
              </Link>
            ) : (
              <Link className="btn primary big" href="/learn">
                Read the lessons
              </Link>
            )}
          </div>
        </>
      ) : (
        // Every lesson is in the deck: the one step left is to come back when a card is due.
        <div className="btn-row end-action">
          {when === "now" ? (
            <a className="btn primary big" href="/review" data-testid="come-back">
              A card is due now: open it
            </a>
          ) : (
            <Link className="btn primary big" href="/" data-testid="come-back" suppressHydrationWarning>
              Come back {when}
            </Link>
          )}
        </div>
      )}
    </article>
  );
}
