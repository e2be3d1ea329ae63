"use client";
import { lazy, Suspense, useCallback, useState, type ComponentType, type ReactNode } from "react";
import type { ReviewState } from "@/lib/srs/review";
import { GUIDE_COOKIE } from "./guide-cookie";
import { SessionEnd, type NextLessonLink } from "./session-end";
import { GradeGuide } from "./grade-guide";
import { OfflineNotices } from "./offline-notices";
import { ReviewCardPanel } from "./review-card";
import { UndoRow } from "./undo-row";
import { canUndo, lastUndoable } from "./session-reducer";
import { useReviewSession } from "./use-review-session";
import { useReviewKeys } from "./use-review-keys";
import { ReadAloudPending } from "./read-aloud-pending";
import type { ReadAloudProps } from "./read-aloud-controls";

// Read aloud is loaded after the session, off the first load's scripts: few learners turn it on,
// and its row stays empty (as it does until the browser's voices load) until it arrives. Where
// its script cannot load (the signal went before the service worker had saved it), the row stays
// empty and the session goes on: a failed import must not reach the page's error boundary.
const ReadAloudControls = lazy<ComponentType<ReadAloudProps>>(() =>
  import("./read-aloud-controls").then(
    (m) => ({ default: m.ReadAloudControls }),
    () => ({ default: ReadAloudPending }),
  ),
);

// `userId` is the signed-in user as the server saw it; null in the offline shell (app/review-shell),
// which shows the copy of whoever last opened /review on this device. `sessionId` names this
// study session (one per /review page load); the static shell has none and makes its own.
// `timeZone` and `nextLesson` shape the end of the session (./session-end.tsx); the offline shell has neither.
type Props = {
  sessionId?: string;
  initial: ReviewState;
  streak: { current: number; reviewedToday: boolean };
  guideSeen: boolean;
  userId: string | null;
  timeZone?: string;
  nextLesson?: NextLessonLink;
  // The day's back check-in (./check-in.tsx): shown until the first grade of the session, which skips it.
  checkIn?: ReactNode;
  // Grades made offline wait on this device (./waiting-cookie.ts): they are sent before a card shows.
  sending?: boolean;
  // Two-button grading (a setting): Forgot and Remembered, graded Again and Good.
  twoButtons?: boolean;
  // The offline shell's screens while this device's copy is being opened, and when it holds none
  // (./no-offline-copy.tsx, rendered by the shell page, so that /review's scripts do not carry them).
  withoutCopy?: { opening: ReactNode; none: ReactNode };
};

export function ReviewSession({
  sessionId: given,
  initial,
  streak,
  guideSeen,
  userId,
  timeZone,
  nextLesson,
  checkIn,
  sending,
  twoButtons = false,
  withoutCopy,
}: Props) {
  const [sessionId] = useState(() => given ?? crypto.randomUUID());
  const { s, copy, reveal, grade, undo, reload } = useReviewSession({ sessionId, initial, userId, sending });
  // A learner with no review yet sees how the four grades work before the first card, once:
  // a cookie (read by the server, so nothing flashes) remembers that it was seen.
  const [guide, setGuide] = useState(!guideSeen && initial.lastLogId === null && initial.card !== null);
  const closeGuide = () => {
    document.cookie = `${GUIDE_COOKIE}=seen; path=/; max-age=31536000; samesite=lax`;
    setGuide(false);
  };
  const onGrade = useCallback((r: 1 | 2 | 3 | 4) => void grade(r), [grade]);
  const onUndo = useCallback(() => void undo(), [undo]);
  useReviewKeys({ revealed: s.revealed, paused: guide, reveal, grade: onGrade, undo: onUndo });

  const card = s.review.card;
  const last = lastUndoable(s);
  const streakNow = streak.current + (!streak.reviewedToday && (s.reviewedHere || s.review.today.done > 0) ? 1 : 0);
  const { localUser } = copy;

  if (userId === null && copy.noCopy !== false) return copy.noCopy === null ? withoutCopy?.opening : withoutCopy?.none;
  if (guide && card) return <GradeGuide onClose={closeGuide} />;

  return (
    <section aria-label="Review session">
      <p className="counts" aria-label="Cards left today">
        <span>
          New: <b data-testid="count-new">{s.review.counts.new}</b>
        </span>
        <span>
          Learning: <b data-testid="count-learning">{s.review.counts.learning}</b>
        </span>
        <span>
          Review: <b data-testid="count-review">{s.review.counts.review}</b>
        </span>
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {s.message}
      </p>
      {!s.reviewedHere && checkIn}
      <OfflineNotices
        offline={s.offline && copy.noCopy === false}
        status={copy.status}
        onDismiss={() => void copy.module.current?.clearRefused(localUser!).then(() => copy.refreshStatus(localUser!))}
      />
      {s.message?.startsWith("Undid") && (
        <p className="notice" data-testid="undo-message">
          {s.message}
        </p>
      )}
      {s.error && (
        <div className="form-error" role="alert" data-testid="review-error">
          {s.error}{" "}
          <button type="button" className="btn" onClick={() => void reload()}>
            Reload
          </button>
        </div>
      )}
      {s.sending ? (
        <p className="panel" role="status" data-testid="sending-waiting">
          Sending the reviews saved on this device…
        </p>
      ) : card ? (
        <ReviewCardPanel
          card={card}
          revealed={s.revealed}
          chosen={s.chosen}
          pending={s.pending}
          locked={s.locked}
          twoButtons={twoButtons}
          controls={
            <>
              <UndoRow last={last} enabled={canUndo(s)} queued={s.undoQueued > 0} onUndo={onUndo} />
              <Suspense fallback={<ReadAloudPending />}>
                <ReadAloudControls card={card} revealed={s.revealed} onReveal={reveal} />
              </Suspense>
            </>
          }
          onReveal={reveal}
          onGrade={onGrade}
        />
      ) : (
        <SessionEnd state={s.review} streakNow={streakNow} timeZone={timeZone ?? null} nextLesson={nextLesson ?? null} />
      )}
      {/* With a card, Undo is in its answer bar; with none, it shows only when there is something to undo. */}
      {!card && last && <UndoRow last={last} enabled={canUndo(s)} queued={s.undoQueued > 0} onUndo={onUndo} />}
    </section>
  );
}
