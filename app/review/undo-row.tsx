"use client";
import { GRADE_NAMES } from "./grade-names";
import type { Undoable } from "./session-reducer";

// `enabled`: a press does something, now or (`queued`, while an answer is being saved) as soon
// as it can (./session-reducer.ts).
export function UndoRow({ last, enabled, queued, onUndo }: { last: Undoable | undefined; enabled: boolean; queued: boolean; onUndo: () => void }) {
  return (
    <div className="undo-row">
      <button type="button" className="btn" onClick={onUndo} disabled={!enabled}>
        Undo last answer <kbd aria-hidden="true">Ctrl</kbd>
        <kbd aria-hidden="true">Z</kbd>
      </button>
      <span className="hint" data-testid="undo-hint">
        {queued ? "Undoing\u2026" : last ? `Undoes ${GRADE_NAMES[last.rating]} on \u201c${last.prompt}\u201d.` : "This session only."}
      </span>
    </div>
  );
}
