"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { spreadBacklogAction, undoSpreadAction } from "./backlog-actions";
import { reached } from "../_components/reached";

// Back from a break: instead of a wall of due cards, an offer to spread them over the next
// few days, the cards most at risk today. Declining keeps everything due.
// Kept mounted while the page refreshes, so that the undo outlives the offer.
// The offer's wording of the moves (`text`) comes from the server (lib/srs/away/plan's describeMoves).
type BacklogOfferView = { due: number; days: number; dailyAverage: number; text: string };

export function BacklogOffer({ offer }: { offer: BacklogOfferView | null }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ batchId: string; days: number; text: string } | null>(null);
  const [hidden, setHidden] = useState(false);

  const onSpread = async () => {
    setBusy(true);
    setError(null);
    if (!offer) return;
    const r = await reached(spreadBacklogAction({ days: offer.days }));
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (r.batchId) setUndo({ batchId: r.batchId, days: offer?.days ?? 0, text: r.text });
    router.refresh();
  };

  const onUndo = async () => {
    if (!undo) return;
    setBusy(true);
    setError(null);
    const r = await reached(undoSpreadAction({ batchId: undo.batchId }));
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setUndo(null);
    router.refresh();
  };

  if (hidden || (!offer && !undo)) return null;
  return (
    <section className="notice" aria-labelledby="backlog-h" data-testid="backlog-offer">
      {undo ? (
        <>
          <h2 id="backlog-h">Spread over {undo.days} days</h2>
          <p>{undo.text}</p>
          <button type="button" className="btn" disabled={busy} onClick={() => void onUndo()}>
            Put them all back into today
          </button>
        </>
      ) : offer ? (
        <>
          <h2 id="backlog-h">Welcome back: {offer.due} cards are due</h2>
          <p>
            That is more than you usually do in two days{offer.dailyAverage > 0 ? ` (about ${offer.dailyAverage} a day)` : ""}. Spread them over {offer.days}{" "}
            days, the ones most at risk today? {offer.text}
          </p>
          <div className="btn-row">
            <button type="button" className="btn primary" disabled={busy} onClick={() => void onSpread()}>
              Spread over {offer.days} days
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setHidden(true)}>
              Keep them all today
            </button>
          </div>
        </>
      ) : null}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
