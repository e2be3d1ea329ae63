"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import type { ReviewState } from "@/lib/srs/review";
import { newClientId } from "../_components/client-id";
import { CardSources } from "./card-sources";

const GRADE_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const;

type ApiReply = { ok: true; state: ReviewState } | { ok: false; error: string };

async function post(url: string, body: unknown): Promise<ApiReply> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return (await res.json()) as ApiReply;
  } catch {
    return { ok: false, error: "Could not reach the server. Check your connection and press the grade again; it will not be counted twice." };
  }
}

function formatMinutes(ms: number) {
  const m = Math.round(ms / 60_000);
  return m < 1 ? "under a minute" : `${m} minute${m === 1 ? "" : "s"}`;
}

export function ReviewSession({ initial }: { initial: ReviewState }) {
  const [state, setState] = useState(initial);
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
      if (!card || !revealed || pending) return;
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
      });
      setPending(false);
      if (!reply.ok) return setError(reply.error);
      setMessage(`Graded ${GRADE_NAMES[rating]}.`);
      show(reply.state);
    },
    [card, revealed, pending, show],
  );

  const undo = useCallback(async () => {
    if (!state.lastLogId || pending) return;
    setPending(true);
    setError(null);
    const reply = await post("/api/review/undo", { logId: state.lastLogId });
    setPending(false);
    if (!reply.ok) return setError(reply.error);
    setMessage("Last review undone.");
    show(reply.state);
  }, [state.lastLogId, pending, show]);

  const reload = useCallback(async () => {
    setError(null);
    const res = await fetch("/api/review");
    const reply = (await res.json()) as ApiReply;
    if (reply.ok) show(reply.state);
    else setError(reply.error);
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
      if (e.ctrlKey || e.metaKey || e.altKey) return;
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
  }, [revealed, reveal, grade, undo]);

  const againRate = state.today.done ? Math.round((100 * state.today.again) / state.today.done) : 0;

  return (
    <section aria-label="Review session">
      <p className="counts" aria-label="Cards left today">
        <span>New: <b data-testid="count-new">{state.counts.new}</b></span>
        <span>Learning: <b data-testid="count-learning">{state.counts.learning}</b></span>
        <span>Review: <b data-testid="count-review">{state.counts.review}</b></span>
      </p>
      <p className="sr-only" role="status" aria-live="polite">{message}</p>
      {error && (
        <div className="form-error" role="alert">
          {error}{" "}
          <button type="button" className="btn" onClick={reload}>Reload</button>
        </div>
      )}

      {card ? (
        <article className="panel" data-testid="review-card" data-card-id={card.cardId}>
          <p className="muted">{card.lessonTitle}</p>
          <p className="prompt" data-testid="prompt">{card.prompt}</p>
          {card.choices && (
            <ul className="choices">
              {card.choices.map((c) => (
                <li key={c}>
                  <button
                    type="button"
                    className={`btn ${revealed && c === card.answer ? "choice-correct" : ""} ${revealed && c === chosen && c !== card.answer ? "choice-wrong" : ""}`}
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
          {!revealed ? (
            <div className="btn-row">
              <button type="button" className="btn primary" onClick={reveal} autoFocus>
                Show answer <kbd>Space</kbd>
              </button>
            </div>
          ) : (
            <div className="answer" data-testid="answer">
              <p><strong>{card.answer}</strong></p>
              <p className="muted">
                {card.explanation}{" "}
                <Link href={`/learn/${card.lessonSlug}#${card.sectionId}`}>Read: {card.sectionHeading}</Link>
              </p>
              <CardSources sources={card.sources} />
              <div className="grades" role="group" aria-label="How well did you remember?">
                {card.intervals.map((i) => (
                  <button
                    key={i.rating}
                    type="button"
                    className={`btn grade-${i.rating}`}
                    disabled={pending}
                    onClick={() => void grade(i.rating as 1 | 2 | 3 | 4)}
                    aria-label={`${GRADE_NAMES[i.rating as 1 | 2 | 3 | 4]}, next review in ${i.label}`}
                  >
                    <span>{GRADE_NAMES[i.rating as 1 | 2 | 3 | 4]} <kbd>{i.rating}</kbd></span>
                    <span className="ivl" data-testid={`ivl-${i.rating}`}>{i.label}</span>
                  </button>
                ))}
              </div>
            </div>
          )}
        </article>
      ) : (
        <article className="panel" data-testid="session-done">
          <h2>{state.today.done ? "Done for now" : "Nothing to review right now"}</h2>
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

      <div className="btn-row">
        <button type="button" className="btn" onClick={() => void undo()} disabled={!state.lastLogId || pending}>
          Undo last review <kbd>Ctrl</kbd>+<kbd>Z</kbd>
        </button>
      </div>
    </section>
  );
}
