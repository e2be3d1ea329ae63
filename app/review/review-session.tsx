"use client";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import type { ReviewState } from "@/lib/srs/review";
import { newClientId } from "../_components/client-id";
import { GUIDE_COOKIE } from "./guide-cookie";
import { CardSources } from "./card-sources";
import { localGradeOf } from "@/lib/srs/offline/sync-request";
import { SessionEnd, type NextLessonLink } from "./session-end";

const GRADE_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const;

type ApiReply = { ok: true; state: ReviewState; result?: { logId?: string } } | { ok: false; error: string; status?: number; network?: true };

async function post(url: string, body: unknown): Promise<ApiReply> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const reply = (await res.json()) as ApiReply;
    return reply.ok ? reply : { ...reply, status: res.status };
  } catch {
    return { ok: false, network: true, error: "Could not reach the server. Check your connection and press the grade again; it will not be counted twice." };
  }
}

// A review this page made, so that undo can say what it undoes. The server enforces the
// limit itself: it undoes only reviews stored with this page's session id, never one made
// earlier or on another device. A review made offline is `local` (its logId is its clientId)
// until it has been sent.
type Undoable = { logId: string; rating: 1 | 2 | 3 | 4; prompt: string; local?: true };

// The offline machinery (IndexedDB, the scheduler in the browser, sync), loaded with import()
// after the page is interactive so that it adds nothing to the first load.
type Offline = typeof import("./offline-review");
type Status = Awaited<ReturnType<Offline["status"]>>;
// While offline, how often the page checks whether the server answers again.
const PROBE_MS = 5_000;

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
};

export function ReviewSession({ sessionId: given, initial, streak, guideSeen, userId, timeZone, nextLesson, checkIn }: Props) {
  const shell = userId === null;
  const [sessionId] = useState(() => given ?? crypto.randomUUID());
  const [state, setState] = useState(initial);
  const offline = useRef<Offline | null>(null);
  const [localUser, setLocalUser] = useState<string | null>(userId);
  const [isOffline, setIsOffline] = useState(shell);
  // In the shell, until IndexedDB has answered; then whether this device holds a copy.
  const [noCopy, setNoCopy] = useState<boolean | null>(shell ? null : false);
  const [status, setStatus] = useState<Status>({ waiting: 0, refused: [] });
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
  // When the current card was shown, for the review's answer time; show() resets it for each card.
  // eslint-disable-next-line react-hooks/purity -- only the first render's value is kept
  const shownAt = useRef(Date.now());
  // One id per card view: a retried or double-clicked grade repeats it, and the server stores it once.
  const attempt = useRef<{ key: string; clientId: string } | null>(null);
  const card = state.card;

  // Counts the learner's grades and undos: a reload whose request went out before one of them
  // answers with an older state and must not replace the card that grade or undo showed.
  const actions = useRef(0);

  const show = useCallback((next: ReviewState) => {
    setState(next);
    setRevealed(false);
    setChosen(null);
    shownAt.current = Date.now();
  }, []);

  const reveal = useCallback(() => setRevealed(true), []);

  const refreshStatus = useCallback(async (user: string) => {
    if (offline.current) setStatus(await offline.current.status(user));
  }, []);

  // A grade kept on this device, to be sent later: the queue goes on from the local copy.
  const gradeHere = useCallback(
    async (user: string, rating: 1 | 2 | 3 | 4, clientId: string, durationMs: number) => {
      const m = offline.current!;
      const next = await m.gradeLocal(localGradeOf({ clientId, userId: user, cardId: card!.cardId, rating, durationMs, sessionId }, new Date()));
      if (!next) return false;
      setUndoable((u) => [...u, { logId: clientId, rating, prompt: card!.prompt, local: true }]);
      setReviewedHere(true);
      setMessage(`Graded ${GRADE_NAMES[rating]}. Saved on this device.`);
      show(next);
      await refreshStatus(user);
      return true;
    },
    [card, show, refreshStatus, sessionId],
  );

  const grade = useCallback(
    async (rating: 1 | 2 | 3 | 4) => {
      if (!card || !revealed || pending || locked) return;
      const key = `${card.cardId}:${card.version}`;
      if (attempt.current?.key !== key) attempt.current = { key, clientId: newClientId() };
      const clientId = attempt.current.clientId;
      const durationMs = Math.min(Date.now() - shownAt.current, 3_600_000);
      actions.current++;
      setPending(true);
      setError(null);
      if (isOffline && localUser) {
        await gradeHere(localUser, rating, clientId, durationMs);
        return setPending(false);
      }
      const reply = await post("/api/review/grade", { cardId: card.cardId, rating, version: card.version, clientId, durationMs, sessionId });
      // The connection dropped: with a local copy of today's queue, the session goes on offline.
      // The same clientId is kept, so if the request did reach the server it is stored once.
      if (!reply.ok && reply.network && localUser && offline.current && (await offline.current.localState(localUser))) {
        setIsOffline(true);
        await gradeHere(localUser, rating, clientId, durationMs);
        return setPending(false);
      }
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
      // Keeps the offline copy current, in the background.
      if (localUser) void offline.current?.refreshSnapshot(localUser);
    },
    [card, revealed, pending, locked, show, isOffline, localUser, gradeHere, sessionId],
  );

  const lastUndoable = undoable[undoable.length - 1];
  const undo = useCallback(async () => {
    if (!lastUndoable || pending) return;
    actions.current++;
    setError(null);
    if (lastUndoable.local && localUser && offline.current) {
      // Not sent yet: undo drops it from the waiting grades, and the queue is recomputed.
      setPending(true);
      const next = await offline.current.undoLocal(localUser, lastUndoable.logId);
      setPending(false);
      setUndoable((u) => u.slice(0, -1));
      setMessage(`Undid ${GRADE_NAMES[lastUndoable.rating]} on \u201c${lastUndoable.prompt}\u201d.`);
      if (next) show(next);
      return refreshStatus(localUser);
    }
    if (isOffline) return setError("This answer has already reached the server: undoing it needs the connection.");
    setPending(true);
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
    if (localUser) void offline.current?.refreshSnapshot(localUser);
  }, [lastUndoable, pending, show, isOffline, localUser, refreshStatus, sessionId]);

  // The server's current state. `keepUndo` (after sending this page's waiting grades): the list of
  // what this page can undo stays, now naming the server's logs; the server checks each undo
  // (session, most recent review) and a stale entry is dropped when it refuses. Otherwise (the
  // Reload button, after losing a race) what this session could undo may have been changed
  // elsewhere, and the list starts afresh.
  const reload = useCallback(
    async (keepUndo = false) => {
      setError(null);
      const before = actions.current;
      try {
        const res = await fetch("/api/review");
        const reply = (await res.json()) as ApiReply;
        if (actions.current !== before) return;
        if (!reply.ok) return setError(reply.error);
        if (!keepUndo) setUndoable([]);
        setLocked(false);
        show(reply.state);
      } catch {
        setError("Could not reach the server. Check your connection and try again.");
      }
    },
    [show],
  );

  // Back online (or a visit with grades still waiting): send them in order, then continue from
  // the server's state. Reviews made offline stay undoable, now as the server's logs.
  const sendWaiting = useCallback(async () => {
    const m = offline.current;
    if (!m || !userId) return false;
    const report = await m.sync(userId);
    if (!report) return false;
    if (report.error) setError(report.error);
    setUndoable((list) =>
      list.flatMap((u) => (!u.local ? [u] : report.logIds[u.logId] ? [{ logId: report.logIds[u.logId]!, rating: u.rating, prompt: u.prompt }] : [])),
    );
    await refreshStatus(userId);
    return !report.error;
  }, [userId, refreshStatus]);

  useEffect(() => {
    let stop = false;
    const start = async () => {
      const m = await import("./offline-review");
      if (stop) return;
      offline.current = m;
      if (userId) {
        await m.setCurrentUser(userId);
        const { waiting } = await m.status(userId);
        if (waiting && (await sendWaiting())) await reload();
        await m.refreshSnapshot(userId);
        await refreshStatus(userId);
        return;
      }
      // The offline shell: the copy of the user who last opened /review on this device.
      const user = await m.currentUser();
      const local = user ? await m.localState(user) : null;
      if (stop) return;
      if (!user || !local) return setNoCopy(true);
      setLocalUser(user);
      setNoCopy(false);
      show(local);
      await refreshStatus(user);
    };
    // After the page is interactive: the offline code never delays the first card. Runs once
    // per page load (the props it reads do not change).
    const t = setTimeout(() => void start(), 0);
    return () => {
      stop = true;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page load, as said above
  }, []);

  // While offline, check now and then (and at the browser's "online" event) whether the server
  // answers. The shell then reloads: /review comes from the network and sends the waiting
  // grades as the signed-in user. The live page sends them itself and goes back online.
  useEffect(() => {
    if (!isOffline) return;
    let busy = false;
    const probe = async () => {
      if (busy) return;
      busy = true;
      try {
        const res = await fetch("/api/ping", { cache: "no-store" });
        if (!res.ok) return;
        if (shell) return location.reload();
        if (await sendWaiting()) {
          setIsOffline(false);
          await reload(true);
          if (userId) void offline.current?.refreshSnapshot(userId);
        }
      } catch {
        /* still offline */
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void probe(), PROBE_MS);
    window.addEventListener("online", probe);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", probe);
    };
  }, [isOffline, shell, sendWaiting, reload, userId]);

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

  const streakNow = streak.current + (!streak.reviewedToday && (reviewedHere || state.today.done > 0) ? 1 : 0);

  const banner = (
    <>
      {!reviewedHere && checkIn}
      {isOffline && noCopy === false && (
        <p className="notice" role="status" data-testid="offline-banner">
          You are offline. Your answers are saved on this device and sent when the connection returns.
        </p>
      )}
      {status.waiting > 0 && (
        <p className="notice" data-testid="waiting-count">
          {status.waiting} review{status.waiting === 1 ? "" : "s"} waiting to be sent.
        </p>
      )}
      {status.refused.length > 0 && (
        <div className="form-error" role="alert" data-testid="refused-reviews">
          <p>{status.refused.length === 1 ? "One review made offline was" : `${status.refused.length} reviews made offline were`} not saved by the server:</p>
          <ul>
            {status.refused.map((r) => (
              <li key={r.clientId}>
                {GRADE_NAMES[r.rating]} on \u201c{r.prompt}\u201d ({new Date(r.reviewedAt).toLocaleString()}): {r.reason}
              </li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={() => void offline.current?.clearRefused(localUser!).then(() => refreshStatus(localUser!))}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );

  if (shell && noCopy !== false) {
    return (
      <section className="panel" data-testid="no-offline-copy">
        {noCopy === null ? (
          <p>Opening the reviews saved on this device…</p>
        ) : (
          <>
            <h2 className="panel-title">You are offline</h2>
            <p>This device holds no copy of your reviews. Open Review once with a connection, while signed in, and it keeps one.</p>
            <p>
              <Link href="/learn">The lessons</Link> you have opened read offline.
            </p>
          </>
        )}
      </section>
    );
  }

  if (guide && card) {
    return (
      <section className="panel" aria-labelledby="guide-h" data-testid="grade-guide">
        <h2 id="guide-h" className="panel-title">
          How reviewing works
        </h2>
        <p>
          You see a question. Think of the answer, then press <strong>Show answer</strong> and say how well you remembered:
        </p>
        <ul className="grade-guide">
          <li className="g1">
            <strong>Again</strong>: you forgot. The card comes back in a minute or so.
          </li>
          <li className="g2">
            <strong>Hard</strong>: you remembered with real effort.
          </li>
          <li className="g3">
            <strong>Good</strong>: you remembered. Press this most of the time.
          </li>
          <li className="g4">
            <strong>Easy</strong>: it was instant. The card comes back much later.
          </li>
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
        <span>
          New: <b data-testid="count-new">{state.counts.new}</b>
        </span>
        <span>
          Learning: <b data-testid="count-learning">{state.counts.learning}</b>
        </span>
        <span>
          Review: <b data-testid="count-review">{state.counts.review}</b>
        </span>
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {message}
      </p>
      {banner}
      {message?.startsWith("Undid") && (
        <p className="notice" data-testid="undo-message">
          {message}
        </p>
      )}
      {error && (
        <div className="form-error" role="alert" data-testid="review-error">
          {error}{" "}
          <button type="button" className="btn" onClick={() => void reload()}>
            Reload
          </button>
        </div>
      )}

      {card ? (
        // aria-disabled marks a stale card for assistive technology; its buttons are disabled as well.
        // eslint-disable-next-line jsx-a11y/role-supports-aria-props
        <article className={`panel${locked ? " locked" : ""}`} data-testid="review-card" data-card-id={card.cardId} aria-disabled={locked || undefined}>
          <p className="muted">{card.lessonTitle}</p>
          {card.leech && (
            <p className="notice" data-testid="leech-notice">
              <b>You keep forgetting this one</b> ({card.lapses} times). Try rereading its lesson section, or{" "}
              <Link href={`/cards/${card.cardId}`}>see its history</Link>.
            </p>
          )}
          <p className="prompt" data-testid="prompt">
            {card.prompt}
          </p>
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
              <p>
                <strong>{card.answer}</strong>
              </p>
              <p className="muted">
                {card.explanation} <Link href={`/learn/${card.lessonSlug}#${card.sectionId}`}>Read: {card.sectionHeading}</Link>
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
                    <span>
                      {GRADE_NAMES[i.rating as 1 | 2 | 3 | 4]} <kbd aria-hidden="true">{i.rating}</kbd>
                    </span>
                    <span className="sr-only">, next review in </span>
                    <span className="ivl" data-testid={`ivl-${i.rating}`}>
                      {i.label}
                    </span>
                  </button>
                ))}
              </div>
            )}
          </div>
        </article>
      ) : (
        <SessionEnd state={state} streakNow={streakNow} timeZone={timeZone ?? null} nextLesson={nextLesson ?? null} />
      )}

      {/* With no card left, Undo shows only when there is something to undo. */}
      {(card || lastUndoable) && (
        <div className="undo-row">
          <button type="button" className="btn" onClick={() => void undo()} disabled={!lastUndoable || pending}>
            Undo last answer <kbd aria-hidden="true">Ctrl</kbd>
            <kbd aria-hidden="true">Z</kbd>
          </button>
          <span className="hint">
            {lastUndoable
              ? `Undoes ${GRADE_NAMES[lastUndoable.rating]} on \u201c${lastUndoable.prompt}\u201d.`
              : "Undo reaches back only through this session."}
          </span>
        </div>
      )}
    </section>
  );
}
