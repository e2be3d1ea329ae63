"use client";
import type { ReadAloud } from "./use-read-aloud";

// Read aloud's switches, in the answer bar. With no voice in this browser, a line says so instead.
export function ReadAloudControls({ ra }: { ra: ReadAloud }) {
  if (ra.availability === "checking") return null;
  if (ra.availability === "none") {
    return (
      <p className="hint" data-testid="read-aloud-none">
        Read aloud: this browser has no voice.
      </p>
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
