"use client";
import type { ReviewCard } from "@/lib/srs/review/queue";
import { useReadAloud } from "./use-read-aloud";
import { ReadAloudPending } from "./read-aloud-pending";

// Read aloud for the card on screen, and its switches in the answer bar. With no voice in this
// browser, a line says so instead.
export type ReadAloudProps = { card: ReviewCard; revealed: boolean; onReveal: () => void };

export function ReadAloudControls({ card, revealed, onReveal }: ReadAloudProps) {
  const ra = useReadAloud(card, revealed, onReveal);
  if (ra.availability === "checking") return <ReadAloudPending />;
  if (ra.availability === "none") {
    return (
      <div className="read-aloud-row">
        <p className="hint" data-testid="read-aloud-none">
          Read aloud: this browser has no voice.
        </p>
      </div>
    );
  }
  const on = ra.mode !== "off";
  return (
    <div className="read-aloud-row" role="group" aria-label="Read aloud">
      <button type="button" className="btn" aria-pressed={on} data-testid="read-aloud" onClick={() => ra.choose(on ? "off" : "on")}>
        Read aloud
      </button>
      {on && (
        <button
          type="button"
          className="btn"
          aria-pressed={ra.mode === "hands-free"}
          data-testid="hands-free"
          onClick={() => ra.choose(ra.mode === "hands-free" ? "on" : "hands-free")}
        >
          Show answers by themselves
        </button>
      )}
    </div>
  );
}
