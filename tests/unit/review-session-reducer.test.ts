import { describe, expect, it } from "vitest";
import type { ReviewCard, ReviewState } from "@/lib/srs/review/queue";
import {
  canUndo,
  initialSession,
  isDone,
  lastUndoable,
  queuedUndoDue,
  sessionReducer,
  type SessionAction,
  type SessionState,
} from "@/app/review/session-reducer";
import { State, Rating } from "ts-fsrs";

function card(id: string, version = 0): ReviewCard {
  return {
    cardId: id,
    version,
    state: State.New,
    leech: false,
    lapses: 0,
    intervals: [1, 2, 3, 4].map((rating) => ({ rating, label: `${rating}m`, due: "2026-12-05T12:00:00.000Z" })),
    prompt: `Prompt ${id}`,
    answer: `Answer ${id}`,
  } as unknown as ReviewCard;
}

function state(c: ReviewCard | null, done = 0): ReviewState {
  return { card: c, counts: { new: c ? 1 : 0, learning: 0, review: 0 }, today: { done, again: 0, timeMs: 0 }, nextDueAt: null, lastLogId: null };
}

const run = (s: SessionState, ...actions: SessionAction[]) => actions.reduce(sessionReducer, s);
const start = (offline = false) => initialSession(state(card("a")), offline);

describe("the review session reducer", () => {
  it("shows the answer on reveal and remembers the choice tapped", () => {
    const s = run(start(), { type: "reveal", choice: "Walk" });
    expect(s.revealed).toBe(true);
    expect(s.chosen).toBe("Walk");
    // A second tap changes nothing.
    expect(run(s, { type: "reveal", choice: "Rest" }).chosen).toBe("Walk");
  });

  it("moves to the next card with its answer hidden after a grade, and makes the grade undoable", () => {
    const s = run(start(), { type: "reveal" }, { type: "begin", what: "grade" });
    expect(s.pending).toBe(true);
    const after = run(s, { type: "graded", state: state(card("b"), 1), rating: Rating.Good, logId: "log-1", local: false });
    expect(after.review.card?.cardId).toBe("b");
    expect(after.revealed).toBe(false);
    expect(after.pending).toBe(false);
    expect(after.reviewedHere).toBe(true);
    expect(after.message).toBe("Graded Good.");
    expect(lastUndoable(after)).toEqual({ logId: "log-1", rating: Rating.Good, prompt: "Prompt a" });
  });

  it("brings the undone card back and drops it from the undo list on undo", () => {
    const graded = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Again, logId: "log-1", local: false },
    );
    const undone = run(graded, { type: "begin", what: "undo" }, { type: "undone", state: state(card("a", 2)), undone: lastUndoable(graded)! });
    expect(undone.review.card?.cardId).toBe("a");
    expect(undone.undoable).toEqual([]);
    expect(undone.message).toBe("Undid Again on \u201cPrompt a\u201d.");
  });

  it("locks grading after a 409 conflict until a reload, which starts the undo list afresh", () => {
    const graded = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false },
    );
    const refused = run(graded, { type: "reveal" }, { type: "begin", what: "grade" }, { type: "gradeRefused", error: "Changed elsewhere", status: 409 });
    expect(refused.locked).toBe(true);
    expect(refused.error).toBe("Changed elsewhere");
    expect(run(refused, { type: "reveal" })).toBe(refused);
    const reloaded = run(refused, { type: "reloaded", state: state(card("c")), keepUndo: false, since: refused.actions });
    expect(reloaded.locked).toBe(false);
    expect(reloaded.error).toBeNull();
    expect(reloaded.undoable).toEqual([]);
    expect(reloaded.review.card?.cardId).toBe("c");
  });

  it("keeps the lock off for a refusal that is not a conflict", () => {
    const s = run(start(), { type: "reveal" }, { type: "begin", what: "grade" }, { type: "gradeRefused", error: "Server error", status: 500 });
    expect(s.locked).toBe(false);
    expect(s.pending).toBe(false);
  });

  it("ignores a reload that went out before a grade or undo, so it cannot replace the card that grade showed", () => {
    const s = start();
    const since = s.actions;
    const graded = run(
      s,
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false },
    );
    expect(run(graded, { type: "reloaded", state: state(card("a")), keepUndo: true, since })).toBe(graded);
    expect(run(graded, { type: "reloadFailed", error: "x", since })).toBe(graded);
  });

  it("grades offline on the device's copy, undoes a waiting grade locally, and refuses to undo a sent one without the network", () => {
    const online = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false },
    );
    const off = run(
      online,
      { type: "wentOffline" },
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("c")), rating: Rating.Hard, logId: "client-2", local: true },
    );
    expect(off.offline).toBe(true);
    expect(off.message).toBe("Graded Hard. Saved on this device.");
    expect(lastUndoable(off)).toEqual({ logId: "client-2", rating: Rating.Hard, prompt: "Prompt b", local: true });
    const undone = run(off, { type: "begin", what: "undo" }, { type: "undone", state: state(card("b", 1)), undone: lastUndoable(off)! });
    expect(undone.review.card?.cardId).toBe("b");
    const refused = run(undone, { type: "begin", what: "undo" }, { type: "undoNeedsNetwork" });
    expect(refused.error).toMatch(/needs the connection/);
    expect(refused.pending).toBe(false);
    expect(refused.undoable).toHaveLength(1);
  });

  it("back online, names the sent grades by the server's log ids and drops the refused ones from the undo list", () => {
    const off = run(
      start(true),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "c1", local: true },
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("c")), rating: Rating.Again, logId: "c2", local: true },
    );
    const synced = run(off, { type: "synced", logIds: { c1: "log-1" } }, { type: "backOnline" });
    expect(synced.offline).toBe(false);
    expect(synced.undoable).toEqual([{ logId: "log-1", rating: Rating.Good, prompt: "Prompt a" }]);
    // The reload after sending keeps the list.
    const reloaded = run(synced, { type: "reloaded", state: state(card("c")), keepUndo: true, since: synced.actions });
    expect(reloaded.undoable).toEqual(synced.undoable);
  });

  it("drops a review from the undo list when the server says it can no longer be undone", () => {
    const graded = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false },
    );
    const s = run(graded, { type: "begin", what: "undo" }, { type: "undoRefused", error: "Changed", status: 409 });
    expect(s.undoable).toEqual([]);
    expect(run(graded, { type: "begin", what: "undo" }, { type: "undoRefused", error: "Server error", status: 500 }).undoable).toHaveLength(1);
  });

  it("shows no card to answer while grades saved on the device are being sent, and the server's state once they are", () => {
    const s = initialSession(state(card("answered-offline")), false, true);
    expect(run(s, { type: "reveal" })).toBe(s);
    const ready = run(s, { type: "synced", logIds: {} }, { type: "reloaded", state: state(card("next")), keepUndo: true, since: s.actions }, { type: "ready" });
    expect(ready.sending).toBe(false);
    expect(ready.review.card?.cardId).toBe("next");
  });

  it("queues an undo pressed while a grade is in flight and makes it due once the grade is stored, so it undoes that grade", () => {
    const sending = run(start(), { type: "reveal" }, { type: "begin", what: "grade" });
    // Nothing is undoable yet, but the grade in flight will be: Undo is live.
    expect(canUndo(sending)).toBe(true);
    const queued = run(sending, { type: "queueUndo" });
    expect(queued.undoQueued).toBe(1);
    expect(queuedUndoDue(queued)).toBe(false);
    // A second press has nothing more to reach.
    expect(run(queued, { type: "queueUndo" })).toBe(queued);
    expect(canUndo(queued)).toBe(false);
    const graded = run(queued, { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false });
    expect(queuedUndoDue(graded)).toBe(true);
    const undoing = run(graded, { type: "begin", what: "undo" });
    expect(undoing.undoQueued).toBe(0);
    expect(queuedUndoDue(undoing)).toBe(false);
    const undone = run(undoing, { type: "undone", state: state(card("a", 1)), undone: lastUndoable(graded)! });
    expect(undone.review.card?.cardId).toBe("a");
    expect(undone.message).toBe("Undid Good on \u201cPrompt a\u201d.");
    expect(queuedUndoDue(undone)).toBe(false);
  });

  it("drops an undo queued behind a grade the server refused, since the grade it was meant for never happened", () => {
    const graded = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false },
    );
    const refused = run(
      graded,
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "queueUndo" },
      { type: "gradeRefused", error: "Server error", status: 500 },
    );
    expect(refused.undoQueued).toBe(0);
    expect(queuedUndoDue(refused)).toBe(false);
    // The earlier grade can still be undone by a press of its own.
    expect(canUndo(refused)).toBe(true);
  });

  it("runs undos pressed during an undo in flight one after another, as far as the session's reviews reach", () => {
    const two = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false },
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("c")), rating: Rating.Again, logId: "log-2", local: false },
    );
    const undoing = run(two, { type: "begin", what: "undo" }, { type: "queueUndo" }, { type: "queueUndo" });
    // One undo in flight and one queued: the session holds no third review to undo.
    expect(undoing.undoQueued).toBe(1);
    const first = run(undoing, { type: "undone", state: state(card("b", 1)), undone: lastUndoable(two)! });
    expect(queuedUndoDue(first)).toBe(true);
    const second = run(first, { type: "begin", what: "undo" }, { type: "undone", state: state(card("a", 1)), undone: lastUndoable(first)! });
    expect(second.review.card?.cardId).toBe("a");
    expect(second.undoable).toEqual([]);
    expect(queuedUndoDue(second)).toBe(false);
    expect(canUndo(second)).toBe(false);
  });

  it("empties the undo queue when an undo is refused", () => {
    const graded = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false },
    );
    const s = run(graded, { type: "begin", what: "undo" }, { type: "queueUndo" }, { type: "undoRefused", error: "Server error", status: 500 });
    expect(s.undoQueued).toBe(0);
    expect(s.pending).toBe(false);
  });

  it("runs a press queued just after the grade settled at once, and ignores one with nothing to undo", () => {
    const graded = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(card("b")), rating: Rating.Good, logId: "log-1", local: false },
    );
    // The hook saw the grade still in flight and queued the press; the grade has settled since.
    const queued = run(graded, { type: "queueUndo" });
    expect(queued.undoQueued).toBe(1);
    expect(queuedUndoDue(queued)).toBe(true);
    // A second press has nothing more to reach.
    expect(run(queued, { type: "queueUndo" })).toBe(queued);
    expect(canUndo(graded)).toBe(true);
    expect(canUndo(start())).toBe(false);
    expect(run(start(), { type: "queueUndo" })).toEqual(start());
  });

  it("is done when the last card has been graded", () => {
    const s = run(
      start(),
      { type: "reveal" },
      { type: "begin", what: "grade" },
      { type: "graded", state: state(null, 1), rating: Rating.Good, logId: "log-1", local: false },
    );
    expect(isDone(s)).toBe(true);
    expect(s.review.today.done).toBe(1);
  });
});
