"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { undoPostponeAction } from "./check-in-actions";
import { reached } from "../_components/reached";

const plural = (n: number) => `${n} card${n === 1 ? "" : "s"}`;

// Says plainly what a bad day did to today's review, with one button that puts every
// postponed card back.
export function BadDayNotice({ sessionCards, postponed, postponedAtFirst }: { sessionCards: number; postponed: number; postponedAtFirst: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onUndo = async () => {
    setBusy(true);
    setError(null);
    const res = await reached(undoPostponeAction({}));
    setBusy(false);
    if (!res.ok) return setError(res.error);
    router.refresh();
  };

  return (
    <section className="notice bad-day" aria-labelledby="bad-day-h" data-testid="bad-day-notice">
      <h2 id="bad-day-h">A short review for a bad day</h2>
      {postponed > 0 ? (
        <>
          <p>
            Today’s review is {plural(sessionCards)}, about two minutes, warning signs and quick relief first. {plural(postponed)} moved to tomorrow: the ones
            that lose least by waiting a day. No new cards today.
          </p>
          <button className="btn" type="button" onClick={() => void onUndo()} disabled={busy}>
            Put the {plural(postponed)} back into today
          </button>
        </>
      ) : postponedAtFirst > 0 ? (
        <p>The {plural(postponedAtFirst)} moved to tomorrow are back in today’s review. No new cards today.</p>
      ) : sessionCards > 0 ? (
        <p>Today’s review is short already: {plural(sessionCards)}, warning signs and quick relief first. No new cards today.</p>
      ) : (
        <p>Nothing is due today, and no new cards on a bad day. Rest is fine: keep moving gently.</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
