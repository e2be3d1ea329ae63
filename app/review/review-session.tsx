"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import type { ReviewState } from "@/lib/srs/review";
import { newClientId } from "../_components/client-id";
import { GUIDE_COOKIE } from "./guide-cookie";
import { CardSources } from "./card-sources";

const GRADE_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const;

type ApiReply = { ok: true; state: ReviewState; result?: { logId?: string } } | { ok: false; error: string; status?: number };

async function post(url: string, body: unknown): Promise<ApiReply> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const reply = (await res.json()) as ApiReply;
    return reply.ok ? reply : { ...reply, status: res.status };
  } catch {
    return { ok: false, error: "Could not reach the server. Check your connection and press the grade again; it will not be counted twice." };
  }
}

// A review this page made, so that undo can say what it undoes. The server enforces the
// limit itself: it undoes only reviews stored with this page's session id.
type Undoable = { logId: string; rating: 1 | 2 | 3 | 4; prompt: string };

function formatMinutes(ms: number) {
  const m = Math.round(ms / 60_000);
  return m < 1 ? "under a minute" : `${m} minute${m === 1 ? "" : "s"}`;
}

type Props = { sessionId: string; initial: ReviewState; streak: { current: number; reviewedToday: boolean }; guideSeen: boolean };

export function ReviewSession({ sessionId, initial, streak, guideSeen }: Props) {
  const [state, setState] = useState(initial);
  // A learner with no review yet sees how the four grades work before the first card, once:
  // a cookie (read by the server, so nothing flashes) remembers that it was seen.
  const [guide, setGuide] = useState(!guideSeen && initial.lastLogId === null && initial.card !== null);
  const closeGuide = () => {
    document.cookie = `${GUIDE_COOKIE}=seen; path=/; max-age=31536000; samesite=lax`;
    setGuide(false);
  };
  const [undoable, setUndoable] = useState<Undoable[]>([]);
  // After losing a race with another tab or device, the card is stale: grading is locked until a reload.
  const [locked, setLocked] = useState(false);
  const [reviewedHere, setReviewedHere] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const shownAt = useRef(Date.now());
  // One id per card view: a retried or double-clicked grade repeats it, and the server stores it once.
  const attempt = useRef<{ key: string; clientId: string } | null>(null);
  const card = state.card;

  const show = useCallback((next: ReviewState) => {
    setState(next);
    setRevealed(false);
    setChosen(null);
    shownAt.current = Date.now();
  }, []);

  const reveal = useCallback(() => setRevealed(true), []);

  const grade = useCallback(
    async (rating: 1 | 2 | 3 | 4) => {
      if (!card || !revealed || pending || locked) return;
      const key = `${card.cardId}:${card.version}`;
      if (attempt.current?.key !== key) attempt.current = { key, clientId: newClientId() };
      setPending(true);
      setError(null);
      const reply = await post("/api/review/grade", {
        cardId: card.cardId,
        rating,
        version: card.version,
        clientId: attempt.current.clientId,
        durationMs: Math.min(Date.now() - shownAt.current, 3_600_000),
        sessionId,
      });
      setPending(false);
      if (!reply.ok) {
        if (reply.status === 409) setLocked(true);
        return setError(reply.error);
      }
      const logId = reply.result?.logId;
      if (logId) setUndoable((u) => [...u, { logId, rating, prompt: card.prompt }]);
      setReviewedHere(true);
      setMessage(`Graded ${GRADE_NAMES[rating]}.`);
      show(reply.state);
    },
    [card, revealed, pending, locked, show, sessionId],
  );

  const lastUndoable = undoable[undoable.length - 1];
  const undo = useCallback(async () => {
    if (!lastUndoable || pending) return;
    setPending(true);
    setError(null);
    const reply = await post("/api/review/undo", { logId: lastUndoable.logId, sessionId });
    setPending(false);
    if (!reply.ok) {
      // The review can no longer be undone (changed elsewhere): drop it from this session's list.
      if (reply.status === 409) setUndoable((u) => u.slice(0, -1));
      return setError(reply.error);
    }
    setUndoable((u) => u.slice(0, -1));
    setLocked(false);
    setMessage(`Undid ${GRADE_NAMES[lastUndoable.rating]} on \u201c${lastUndoable.prompt}\u201d.`);
    show(reply.state);
  }, [lastUndoable, pending, show, sessionId]);

  const reload = useCallback(async () => {
    setError(null);
    try {
      const res = await fetch("/api/review");
      const reply = (await res.json()) as ApiReply;
      if (!reply.ok) return setError(reply.error);
      // What this session could undo may have been changed elsewhere; start afresh.
      setUndoable([]);
      setLocked(false);
      show(reply.state);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
  }, [show]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === "z") {
        e.preventDefault();
        void undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || guide) return;
      if (!revealed && (e.key === " " || e.key === "Enter")) {
        e.preventDefault();
        reveal();
      } else if (revealed && ["1", "2", "3", "4"].includes(e.key)) {
        e.preventDefault();
        void grade(Number(e.key) as 1 | 2 | 3 | 4);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed, reveal, grade, undo, guide]);

  const againRate = state.today.done ? Math.round((100 * state.today.again) / state.today.done) : 0;
  const left = state.counts.new + state.counts.learning + state.counts.review;
  const streakNow = streak.current + (!streak.reviewedToday && (reviewedHere || state.today.done > 0) ? 1 : 0);

  if (guide && card) {
    return (
      <section className="panel" aria-labelledby="guide-h" data-testid="grade-guide">
        <h2 id="guide-h" className="panel-title">How reviewing works</h2>
        <p>You see a question. Think of the answer, then press <strong>Show answer</strong> and say how well you remembered:</p>
        <ul className="grade-guide">
          <li className="g1"><strong>Again</strong>: you forgot. The card comes back in a minute or so.</li>
          <li className="g2"><strong>Hard</strong>: you remembered with real effort.</li>
          <li className="g3"><strong>Good</strong>: you remembered. Press this most of the time.</li>
          <li className="g4"><strong>Easy</strong>: it was instant. The card comes back much later.</li>
        </ul>
        <p className="muted">Each button shows when you will see the card again. Made a mistake? Undo takes back your last answer.</p>
        <div className="answer-bar">
          <button type="button" className="btn primary reveal" onClick={closeGuide} autoFocus>
            Start my first review
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-label="Review session">
      <p className="counts" aria-label="Cards left today">
        <span>New: <b data-testid="count-new">{state.counts.new}</b></span>
        <span>Learning: <b data-testid="count-learning">{state.counts.learning}</b></span>
        <span>Review: <b data-testid="count-review">{state.counts.review}</b></span>
      </p>
      <p className="sr-only" role="status" aria-live="polite">{message}</p>
      {message?.startsWith("Undid") && <p className="notice" data-testid="undo-message">{message}</p>}
      {error && (
        <div className="form-error" role="alert" data-testid="review-error">
          {error}{" "}
          <button type="button" className="btn" onClick={() => void reload()}>Reload</button>
        </div>
      )}

      {card ? (
        <article className={`panel${locked ? " locked" : ""}`} data-testid="review-card" data-card-id={card.cardId} aria-disabled={locked || undefined}>
          <p className="muted">{card.lessonTitle}</p>
          <p className="prompt" data-testid="prompt">{card.prompt}</p>
          {card.choices && (
            <ul className="choices">
              {card.choices.map((c) => (
                <li key={c}>
                  <button
                    type="button"
                    className={`btn ${revealed && c === card.answer ? "choice-correct" : ""} ${revealed && c === chosen && c !== card.answer ? "choice-wrong" : ""}`}
                    disabled={locked}
                    onClick={() => {
                      if (revealed) return;
                      setChosen(c);
                      reveal();
                    }}
                  >
                    {c}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {revealed && (
            <div className="answer" data-testid="answer">
              <p><strong>{card.answer}</strong></p>
              <p className="muted">
                {card.explanation}{" "}
                <Link href={`/learn/${card.lessonSlug}#${card.sectionId}`}>Read: {card.sectionHeading}</Link>
              </p>
              <CardSources sources={card.sources} />
            </div>
          )}
          <div className="answer-bar" data-testid="answer-bar">
            {!revealed ? (
              <button type="button" className="btn primary reveal" onClick={reveal} disabled={locked} autoFocus>
                Show answer <kbd aria-hidden="true">Space</kbd>
              </button>
            ) : (
              <div className="grades" role="group" aria-label="How well did you remember?">
                {card.intervals.map((i) => (
                  <button
                    key={i.rating}
                    type="button"
                    className={`btn grade-${i.rating}`}
                    disabled={pending || locked}
                    onClick={() => void grade(i.rating as 1 | 2 | 3 | 4)}
                  >
                    <span>{GRADE_NAMES[i.rating as 1 | 2 | 3 | 4]} <kbd aria-hidden="true">{i.rating}</kbd></span>
                    <span className="sr-only">, next review in </span>
                    <span className="ivl" data-testid={`ivl-${i.rating}`}>{i.label}</span>
                  </button>
                ))}
              </div>
            )}
          </div>
        </article>
      ) : (
        <article className="panel done-moment" data-testid="session-done">
          {state.today.done && left === 0 ? (
            <>
              <h2 className="panel-title">Done for today</h2>
              <p>
                <span className="streak-big" data-testid="done-streak">{streakNow}</span>
                day streak. Come back tomorrow to keep it going.
              </p>
            </>
          ) : (
            <h2 className="panel-title">{state.today.done ? "Done for now" : "Nothing to review right now"}</h2>
          )}
          <p>
            Today: <b data-testid="done-today">{state.today.done}</b> review{state.today.done === 1 ? "" : "s"} in{" "}
            {formatMinutes(state.today.timeMs)}, again-rate {againRate}%.
          </p>
          <p>
            {state.nextDueAt ? (
              <>Next card due <time dateTime={state.nextDueAt}>{new Date(state.nextDueAt).toLocaleString()}</time>.</>
            ) : (
              <>No cards are scheduled yet.</>
            )}{" "}
            Add more cards from the <Link href="/learn">lessons</Link>.
          </p>
        </article>
      )}

      <div className="undo-row">
        <button type="button" className="btn" onClick={() => void undo()} disabled={!lastUndoable || pending}>
          Undo last answer <kbd aria-hidden="true">Ctrl</kbd><kbd aria-hidden="true">Z</kbd>
        </button>
        <span className="hint">{lastUndoable ? `Undoes ${GRADE_NAMES[lastUndoable.rating]} on \u201c${lastUndoable.prompt}\u201d.` : "Undo reaches back only through this session."}</span>
      </div>
    </section>
  );
}
