"use client";
import { GRADE_NAMES } from "./grade-names";
import type { Undoable } from "./session-reducer";

export function UndoRow({ last, pending, onUndo }: { last: Undoable | undefined; pending: boolean; onUndo: () => void }) {
  return (
    <div className="undo-row">
      <button type="button" className="btn" onClick={onUndo} disabled={!last || pending}>
        Undo last answer <kbd aria-hidden="true">Ctrl</kbd>
        <kbd aria-hidden="true">Z</kbd>
      </button>
      <span className="hint">
        {last ? `Undoes ${GRADE_NAMES[last.rating]} on \u201c${last.prompt}\u201d.` : "Undo reaches back only through this session."}
      </span>
    </div>
  );
}
