"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

// Touch has no hover, so a chart's values are shown by tapping: the tapped bar or square's
// data-label appears in the line above the chart (a fixed-height line, so nothing moves).
// Wide charts scroll sideways at a legible size, starting at today: the right end of a
// history, the left end of a forecast (`from="start"`).
export function TapReadout({ hint, label, from = "end", children }: { hint: ReactNode; label: string; from?: "start" | "end"; children: ReactNode }) {
  const [text, setText] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    if (el && from === "end") el.scrollLeft = el.scrollWidth;
  }, [from]);
  return (
    <>
      <p className="readout" aria-live="polite">
        {text ?? hint}
      </p>
      <div
        ref={scroller}
        className="chart-scroll"
        // Focusable so that a keyboard can scroll it (the numbers table is the full alternative).
        tabIndex={0}
        role="group"
        aria-label={label}
        onClick={(e) => {
          const hit = (e.target as Element).closest("[data-label]");
          if (hit) setText(hit.getAttribute("data-label"));
        }}
      >
        {children}
      </div>
    </>
  );
}
