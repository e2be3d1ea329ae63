"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { describeSummary, type RescheduleSummary } from "@/lib/srs/reschedule-summary";
import { applyRescheduleAction, previewRescheduleAction, undoRescheduleAction } from "./reschedule-actions";

// After new parameters (applied or restored on /progress), cards keep the due dates the old
// ones gave until the learner reschedules them here: look first, then confirm; undo after.
export function ReschedulePanel({ personal, canUndo: initialUndo }: { personal: boolean; canUndo: boolean }) {
  const router = useRouter();
  const [preview, setPreview] = useState<RescheduleSummary | null>(null);
  const [canUndo, setCanUndo] = useState(initialUndo);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async <T,>(fn: () => Promise<({ ok: true } & T) | { ok: false; error: string }>, then: (r: T) => void) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await fn();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    then(r);
  };

  return (
    <section aria-labelledby="reschedule-h" id="reschedule">
      <h2 id="reschedule-h">Reschedule cards</h2>
      <p className="muted">
        You are using {personal ? "personal parameters" : "the standard FSRS parameters"}. New parameters, a new retention target or a new longest gap change
        future reviews only; to move cards already scheduled, replay each card&apos;s review history with the current settings. You see how many cards move, and
        why, before anything changes.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="notice">
          <p>{describeSummary(preview)}</p>
          {preview.changed > 0 && (
            <div className="btn-row">
              <button
                type="button"
                className="btn primary"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => applyRescheduleAction({}),
                    (r: { summary: RescheduleSummary }) => {
                      setPreview(null);
                      setCanUndo(r.summary.changed > 0);
                      setDone(`Rescheduled. ${describeSummary(r.summary)}`);
                      router.refresh();
                    },
                  )
                }
              >
                Reschedule {preview.changed} card{preview.changed === 1 ? "" : "s"}
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => setPreview(null)}>
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
      <div className="btn-row">
        {!preview && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              void run(
                () => previewRescheduleAction({}),
                (r: { summary: RescheduleSummary }) => setPreview(r.summary),
              )
            }
          >
            {busy ? "Working…" : "Preview rescheduling"}
          </button>
        )}
        {canUndo && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              void run(
                () => undoRescheduleAction({}),
                (r: { restored: number; keptReviewed: number }) => {
                  setCanUndo(false);
                  setDone(
                    `Undone: ${r.restored} card${r.restored === 1 ? "" : "s"} back where they were${r.keptReviewed ? `; ${r.keptReviewed} reviewed since keep that review` : ""}.`,
                  );
                  router.refresh();
                },
              )
            }
          >
            Undo last rescheduling
          </button>
        )}
      </div>
      <p role="status" aria-live="polite">
        {done}
      </p>
    </section>
  );
}
