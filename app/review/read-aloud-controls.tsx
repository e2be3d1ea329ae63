"use client";
import type { ReadAloud } from "./use-read-aloud";

// Read aloud's switches, in the answer bar. With no voice in this browser, a line says so instead.
// The browser's voices often load after the page: until then the row is held empty at its full
// height, so that the fixed answer bar does not grow and push the card up (a layout shift).
export function ReadAloudControls({ ra }: { ra: ReadAloud }) {
  if (ra.availability === "checking") return <div className="read-aloud-row" aria-hidden="true" data-testid="read-aloud-checking" />;
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
