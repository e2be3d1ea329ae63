import type { ReviewState } from "@/lib/srs/review/queue";
import { GRADE_NAMES, type GradeValue } from "./grade-names";

// The review session as a pure reducer: what the learner sees (the card, revealed or not, the
// chosen choice), what is in flight (pending), what can be undone, and whether the page runs
// from the device's copy (offline). The hooks (./use-review-session.ts) do the I/O and report
// its outcome here as actions; nothing here fetches, stores or reads the clock.

// A review this page made, so that undo can say what it undoes. The server enforces the limit
// itself: it undoes only reviews stored with this page's session id. A review made offline is
// `local` (its logId is its clientId) until it has been sent.
export type Undoable = { logId: string; rating: GradeValue; prompt: string; local?: true };

export type SessionState = {
  review: ReviewState;
  revealed: boolean;
  chosen: string | null;
  pending: boolean;
  // What is in flight while pending: a grade or an undo.
  inFlight: "grade" | "undo" | null;
  // Undo presses made while a grade or undo was in flight, performed in turn once it settles:
  // a press is never dropped (./use-review-session.ts runs them, `queuedUndoDue` says when).
  undoQueued: number;
  // After losing a race with another tab or device the card is stale: grading waits for a reload.
  locked: boolean;
  offline: boolean;
  // Grades made offline on this device wait to be sent (the server said so from a cookie): the
  // server's state may still show a card they answered, so no card shows until they are sent.
  sending: boolean;
  error: string | null;
  message: string | null;
  undoable: Undoable[];
  reviewedHere: boolean;
  // Counts the grades and undos started: a reload that went out before one of them answers
  // with an older state and must not replace the card that grade or undo showed.
  actions: number;
};

export type SessionAction =
  | { type: "reveal"; choice?: string }
  | { type: "begin"; what: "grade" | "undo" }
  | { type: "queueUndo" }
  | { type: "graded"; state: ReviewState; rating: GradeValue; logId: string | null; local: boolean }
  | { type: "gradeRefused"; error: string; status?: number }
  | { type: "wentOffline" }
  | { type: "undone"; state: ReviewState | null; undone: Undoable }
  | { type: "undoRefused"; error: string; status?: number }
  | { type: "undoNeedsNetwork" }
  | { type: "reloaded"; state: ReviewState; keepUndo: boolean; since: number }
  | { type: "reloadFailed"; error: string; since: number }
  | { type: "synced"; logIds: Record<string, string>; error?: string }
  | { type: "backOnline" }
  | { type: "showLocal"; state: ReviewState }
  | { type: "settled" }
  | { type: "ready" };

export function initialSession(review: ReviewState, offline: boolean, sending = false): SessionState {
  return {
    review,
    revealed: false,
    chosen: null,
    pending: false,
    inFlight: null,
    undoQueued: 0,
    locked: false,
    offline,
    sending,
    error: null,
    message: null,
    undoable: [],
    reviewedHere: false,
    actions: 0,
  };
}

// A new card on screen: hidden answer, no choice made.
const show = (s: SessionState, review: ReviewState): SessionState => ({ ...s, review, revealed: false, chosen: null });

const undoneMessage = (u: Undoable) => `Undid ${GRADE_NAMES[u.rating]} on \u201c${u.prompt}\u201d.`;

// How many undos could still follow what is in flight: the reviews in the list, plus the grade
// being sent (it becomes undoable once stored), minus the one an undo in flight takes back.
const undoReach = (s: SessionState) => s.undoable.length + (s.inFlight === "grade" ? 1 : 0) - (s.inFlight === "undo" ? 1 : 0);

// Settled (nothing in flight): a queue that has nothing left to undo is emptied.
const settle = (s: SessionState): SessionState => ({ ...s, pending: false, inFlight: null, undoQueued: Math.min(s.undoQueued, s.undoable.length) });

export function sessionReducer(s: SessionState, a: SessionAction): SessionState {
  switch (a.type) {
    case "reveal":
      if (s.revealed || !s.review.card || s.locked || s.sending) return s;
      return { ...s, revealed: true, chosen: a.choice ?? null };
    case "begin":
      // An undo that starts takes the first queued press, if it was one.
      return {
        ...s,
        pending: true,
        inFlight: a.what,
        undoQueued: a.what === "undo" ? Math.max(0, s.undoQueued - 1) : s.undoQueued,
        error: null,
        actions: s.actions + 1,
      };
    case "queueUndo":
      // As far as there is something to undo. Queued while something is in flight (or earlier
      // presses still wait: this one joins them); and with nothing in flight it is kept too, and
      // runs at once (`queuedUndoDue`): the hook queues from what it last saw, which can be a
      // grade that has just settled, and a press is never dropped.
      if (s.undoQueued >= undoReach(s)) return s;
      return { ...s, undoQueued: s.undoQueued + 1 };
    case "graded": {
      const prompt = s.review.card?.prompt ?? "";
      const undo: Undoable[] = a.logId ? [{ logId: a.logId, rating: a.rating, prompt, ...(a.local ? { local: true as const } : {}) }] : [];
      const message = `Graded ${GRADE_NAMES[a.rating]}.${a.local ? " Saved on this device." : ""}`;
      return settle({ ...show(s, a.state), undoable: [...s.undoable, ...undo], reviewedHere: true, message });
    }
    case "gradeRefused":
      // An undo pressed meanwhile was meant for this grade, which did not happen: it is dropped, and the error says why.
      return { ...s, pending: false, inFlight: null, undoQueued: 0, error: a.error, locked: s.locked || a.status === 409 };
    case "wentOffline":
      return { ...s, offline: true };
    case "undone":
      return settle({
        ...(a.state ? show(s, a.state) : s),
        locked: false,
        undoable: s.undoable.slice(0, -1),
        message: undoneMessage(a.undone),
      });
    case "undoRefused":
      // A 409: the review can no longer be undone (changed elsewhere), so it leaves this session's list.
      // Undos queued behind a refused one are dropped: the error shows instead.
      return { ...s, pending: false, inFlight: null, undoQueued: 0, error: a.error, undoable: a.status === 409 ? s.undoable.slice(0, -1) : s.undoable };
    case "undoNeedsNetwork":
      return { ...s, pending: false, inFlight: null, undoQueued: 0, error: "This answer has already reached the server: undoing it needs the connection." };
    case "reloaded":
      if (a.since !== s.actions) return s;
      // `keepUndo` (after sending this page's waiting grades): the list stays, now naming the
      // server's logs. Otherwise (the Reload button, after losing a race) it starts afresh.
      return { ...show(s, a.state), error: null, locked: false, undoable: a.keepUndo ? s.undoable : [], undoQueued: a.keepUndo ? s.undoQueued : 0 };
    case "reloadFailed":
      return a.since !== s.actions ? s : { ...s, error: a.error };
    case "synced":
      // Reviews made offline stay undoable, now as the server's logs; a refused one leaves the list.
      return {
        ...s,
        error: a.error ?? s.error,
        undoable: s.undoable.flatMap((u) => (!u.local ? [u] : a.logIds[u.logId] ? [{ logId: a.logIds[u.logId]!, rating: u.rating, prompt: u.prompt }] : [])),
      };
    case "backOnline":
      return { ...s, offline: false };
    case "showLocal":
      return show(s, a.state);
    case "settled":
      return settle(s);
    case "ready":
      return { ...s, sending: false };
  }
}

// With no card left the session is done (./session-end.tsx).
export const isDone = (s: SessionState) => s.review.card === null;
export const lastUndoable = (s: SessionState): Undoable | undefined => s.undoable[s.undoable.length - 1];
// Whether a press on Undo does something now or later: with nothing in flight, when there is a
// review to undo; while a grade or undo is in flight, when there is one left for a queued press.
export const canUndo = (s: SessionState): boolean => s.undoQueued < undoReach(s);
// A queued press is due: nothing is in flight any more and there is a review for it to undo.
export const queuedUndoDue = (s: SessionState): boolean => s.undoQueued > 0 && !s.pending && s.undoable.length > 0;
