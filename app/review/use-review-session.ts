"use client";
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from "react";
import type { ReviewState } from "@/lib/srs/review/queue";
import { newClientId } from "../_components/client-id";
import type { GradeValue } from "./grade-names";
import { currentState, post } from "./review-api";
import { initialSession, lastUndoable, queuedUndoDue, sessionReducer } from "./session-reducer";
import { useOfflineCopy } from "./use-offline-copy";

// While offline, how often the page checks whether the server answers again.
const PROBE_MS = 5_000;

// The review session's I/O around the pure reducer (./session-reducer.ts): grading and undoing
// online (one request each; the device's copy is updated from the answer, not fetched again),
// on the device's copy when offline, sending the waiting grades when the server answers again.
// `userId` is null in the offline shell (app/review-shell).
export function useReviewSession(o: { sessionId: string; initial: ReviewState; userId: string | null; sending?: boolean }) {
  const { sessionId, initial, userId } = o;
  const shell = userId === null;
  const [s, dispatch] = useReducer(sessionReducer, undefined, () => initialSession(initial, shell, o.sending ?? false));
  const copy = useOfflineCopy(userId);
  const { module, localUser, refreshStatus } = copy;
  // The state as last rendered, for callbacks started from events and timers.
  const latest = useRef(s);
  useLayoutEffect(() => {
    latest.current = s;
  });
  // A second press before the first grade's render is ignored.
  const busy = useRef(false);
  // When the current card was shown, for the review's answer time.
  const shownAt = useRef(0);
  useEffect(() => {
    shownAt.current = Date.now();
  }, [s.review]);
  // One id per card view: a retried or double-clicked grade repeats it, and the server stores it once.
  const attempt = useRef<{ key: string; clientId: string } | null>(null);

  const reveal = useCallback((choice?: string) => dispatch({ type: "reveal", choice }), []);

  const grade = useCallback(
    async (rating: GradeValue) => {
      const cur = latest.current;
      const card = cur.review.card;
      if (!card || !cur.revealed || cur.pending || cur.locked || cur.sending || busy.current) return;
      busy.current = true;
      const key = `${card.cardId}:${card.version}`;
      if (attempt.current?.key !== key) attempt.current = { key, clientId: newClientId() };
      const clientId = attempt.current.clientId;
      const durationMs = Math.min(Date.now() - shownAt.current, 3_600_000);
      const made = (user: string) => ({ clientId, userId: user, cardId: card.cardId, rating, durationMs, sessionId });
      dispatch({ type: "begin", what: "grade" });
      const m = module.current;
      // A grade kept on this device, to be sent later: the queue goes on from the local copy.
      // The waiting count is refreshed without holding the grade open (`busy`): an undo pressed
      // once the next card shows then runs at once, rather than queued behind a settled grade.
      const gradeHere = async (user: string) => {
        const next = await m!.gradeLocal(made(user));
        dispatch(next ? { type: "graded", state: next, rating, logId: clientId, local: true } : { type: "settled" });
        void refreshStatus(user);
      };
      try {
        if (cur.offline && localUser && m) return await gradeHere(localUser);
        const reply = await post("/api/review/grade", { cardId: card.cardId, rating, version: card.version, clientId, durationMs, sessionId });
        // The connection dropped: with a local copy of today's queue, the session goes on offline.
        // The same clientId is kept, so if the request did reach the server it is stored once.
        if (!reply.ok && reply.network && localUser && m && (await m.localState(localUser))) {
          dispatch({ type: "wentOffline" });
          return await gradeHere(localUser);
        }
        if (!reply.ok) return dispatch({ type: "gradeRefused", error: reply.error, status: reply.status });
        const logId = reply.result?.logId ?? null;
        dispatch({ type: "graded", state: reply.state, rating, logId, local: false });
        // The device's copy takes the grade as the server stored it: no second request.
        if (localUser && logId) void m?.keepOnlineGrade({ ...made(localUser), logId });
      } finally {
        busy.current = false;
      }
    },
    [module, localUser, refreshStatus, sessionId],
  );

  // Undoes the most recent review of the session. Pressed while a grade or undo is in flight
  // (a tap right after a swipe, Ctrl+Z twice), it is queued in the reducer and runs once that
  // settles (the effect below): a press is never dropped.
  const performUndo = useCallback(async () => {
    const cur = latest.current;
    const last = lastUndoable(cur);
    if (!last || cur.pending || busy.current) return;
    const m = module.current;
    dispatch({ type: "begin", what: "undo" });
    if (last.local && localUser && m) {
      // Not sent yet: undo drops it from the waiting grades, and the queue is recomputed.
      const next = await m.undoLocal(localUser, last.logId);
      dispatch({ type: "undone", state: next, undone: last });
      return refreshStatus(localUser);
    }
    if (cur.offline) return dispatch({ type: "undoNeedsNetwork" });
    const reply = await post("/api/review/undo", { logId: last.logId, sessionId });
    if (!reply.ok) return dispatch({ type: "undoRefused", error: reply.error, status: reply.status });
    dispatch({ type: "undone", state: reply.state, undone: last });
    if (localUser) void m?.forgetOnlineGrade(localUser, last.logId);
  }, [module, localUser, refreshStatus, sessionId]);

  const undo = useCallback(async () => {
    const cur = latest.current;
    if (cur.pending || busy.current || cur.undoQueued > 0) return dispatch({ type: "queueUndo" });
    await performUndo();
  }, [performUndo]);

  const undoDue = queuedUndoDue(s);
  useEffect(() => {
    if (undoDue) void performUndo();
  }, [undoDue, performUndo]);

  // The server's current state; a grade or undo started meanwhile wins (see the reducer).
  const reload = useCallback(async (keepUndo = false) => {
    const since = latest.current.actions;
    const reply = await currentState();
    dispatch(reply.ok ? { type: "reloaded", state: reply.state, keepUndo, since } : { type: "reloadFailed", error: reply.error, since });
  }, []);

  // Sends the user's waiting grades in order; true when none is left unsent by an error.
  const sendWaiting = useCallback(
    async (user: string) => {
      const report = await module.current?.sync(user);
      if (!report) return false;
      dispatch({ type: "synced", logIds: report.logIds, error: report.error });
      await refreshStatus(user);
      return !report.error;
    },
    [module, refreshStatus],
  );

  // Back online: the waiting grades go, then the page continues in place from the server's
  // state. The shell first checks that the signed-in user is the one whose copy it shows;
  // if not (signed out, or someone else), it loads /review, which signs in or shows the right copy.
  // Only the shell can lack a user (it found no copy on this device): with nothing to keep in
  // place, it loads /review too.
  const backOnline = useCallback(async () => {
    const m = module.current;
    const user = userId ?? localUser;
    if (!m) return;
    if (!user) return location.reload();
    if (shell && (await m.signedInUser()) !== user) return location.reload();
    if (!(await sendWaiting(user))) return;
    dispatch({ type: "backOnline" });
    await reload(true);
    await m.refreshSnapshot(user);
  }, [module, userId, localUser, shell, sendWaiting, reload]);

  useEffect(() => {
    let stop = false;
    const start = async () => {
      const m = await import("./offline-review");
      if (stop) return;
      module.current = m;
      if (userId) {
        await m.setCurrentUser(userId);
        const { waiting } = await m.status(userId);
        if (waiting && (await sendWaiting(userId))) await reload(true);
        dispatch({ type: "ready" });
        await m.refreshSnapshot(userId);
        await refreshStatus(userId);
        return;
      }
      // The offline shell: the copy of the user who last opened /review on this device.
      const user = await m.currentUser();
      const local = user ? await m.localState(user) : null;
      if (stop) return;
      if (!user || !local) return copy.setNoCopy(true);
      copy.setLocalUser(user);
      copy.setNoCopy(false);
      dispatch({ type: "showLocal", state: local });
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

  // While offline, check now and then (and at the browser's "online" event) whether the server answers.
  const offline = s.offline;
  useEffect(() => {
    if (!offline) return;
    let probing = false;
    const probe = async () => {
      if (probing) return;
      probing = true;
      try {
        const res = await fetch("/api/ping", { cache: "no-store" });
        // Signed out meanwhile (401), on the live page or the shell: /review asks to sign in,
        // and the grades made offline wait on this device until their learner is back.
        if (res.status === 401) return location.reload();
        if (res.ok) await backOnline();
      } catch {
        /* still offline */
      } finally {
        probing = false;
      }
    };
    const timer = setInterval(() => void probe(), PROBE_MS);
    window.addEventListener("online", probe);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", probe);
    };
  }, [offline, backOnline]);

  return { s, copy, reveal, grade, undo, reload };
}
