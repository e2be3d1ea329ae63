"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { CardActionKind } from "@/lib/validation/cards";
import { cardActionAction, undoCardActionAction } from "./actions";
import { reached } from "../_components/reached";

const DONE: Record<CardActionKind, string> = {
  suspend: "Suspended",
  unsuspend: "Unsuspended",
  bury: "Buried until tomorrow:",
  unbury: "Unburied",
  forget: "Reset to new:",
};

const plural = (n: number) => `${n} card${n === 1 ? "" : "s"}`;

// The action bar for the selected cards (checkboxes named "card" anywhere on the page that
// belong to this form through form="card-actions"), or for one card (cardIds given). After an
// action the page re-renders from the server, and "Undo" reverses the last action as a whole.
// `flags`: one card's own state (its info page), so that only the action that changes it shows:
// Suspend or Unsuspend, Bury or Unbury. The first action shown (Suspend, or Unsuspend on a
// suspended card) is the primary one: the common, undoable choice; Forget stays marked as the
// destructive one.
export function CardActions({ cardIds, compact = false, flags }: { cardIds?: string[]; compact?: boolean; flags?: { suspended: boolean; buried: boolean } }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const action = submitter?.value as CardActionKind | undefined;
    if (!action) return;
    const data = new FormData(e.currentTarget);
    const ids = cardIds ?? data.getAll("card").map(String);
    setError(null);
    setMessage(null);
    if (ids.length === 0) return setError("Choose at least one card first.");
    setBusy(true);
    const res = await reached(cardActionAction({ action, cardIds: ids, resetCounts: data.get("resetCounts") === "on" }));
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setUndo(res.batchId);
    setMessage(
      res.changed
        ? `${DONE[action]} ${plural(res.changed)}.${res.unchanged ? ` ${plural(res.unchanged)} already were.` : ""}`
        : `Nothing to change: ${plural(res.unchanged)} already ${res.unchanged === 1 ? "was" : "were"}.`,
    );
    router.refresh();
  };

  const onUndo = async () => {
    if (!undo) return;
    setBusy(true);
    const res = await reached(undoCardActionAction({ batchId: undo }));
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setUndo(null);
    setMessage(
      `Undone: ${plural(res.restored)} restored.${res.skipped ? ` ${plural(res.skipped)} changed since and ${res.skipped === 1 ? "was" : "were"} left as ${res.skipped === 1 ? "it is" : "they are"}.` : ""}`,
    );
    router.refresh();
  };

  return (
    <form id="card-actions" className="card-actions" onSubmit={onSubmit} aria-label={cardIds ? "Card actions" : "Actions on the selected cards"}>
      <div className="btn-row">
        {flags?.suspended !== true && (
          <button className="btn primary" type="submit" value="suspend" disabled={busy}>
            Suspend
          </button>
        )}
        {flags?.suspended !== false && (
          <button className={`btn${flags?.suspended ? " primary" : ""}`} type="submit" value="unsuspend" disabled={busy}>
            Unsuspend
          </button>
        )}
        {flags?.buried !== true && (
          <button className="btn" type="submit" value="bury" disabled={busy}>
            Bury until tomorrow
          </button>
        )}
        {(flags ? flags.buried : !compact) && (
          <button className="btn" type="submit" value="unbury" disabled={busy}>
            Unbury
          </button>
        )}
        <button className="btn danger" type="submit" value="forget" disabled={busy}>
          Forget (reset)
        </button>
        <label className="inline-check">
          <input type="checkbox" name="resetCounts" /> also reset review and lapse counts
        </label>
      </div>
      <div role="status" aria-live="polite" className="action-status">
        {message}
        {undo && (
          <>
            {" "}
            <button className="btn" type="button" onClick={onUndo} disabled={busy}>
              Undo
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
