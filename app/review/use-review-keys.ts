"use client";
import { useEffect } from "react";
import type { GradeValue } from "./grade-names";

// The review's keys: Space or Enter shows the answer, 1-4 grade, Ctrl/Cmd+Z undoes. Keys typed
// into a field are the field's; while the first-review guide shows, only undo is live.
export function useReviewKeys(o: { revealed: boolean; paused: boolean; reveal: () => void; grade: (r: GradeValue) => void; undo: () => void }) {
  const { revealed, paused, reveal, grade, undo } = o;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === "z") {
        e.preventDefault();
        undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || paused) return;
      if (!revealed && (e.key === " " || e.key === "Enter")) {
        e.preventDefault();
        reveal();
      } else if (revealed && ["1", "2", "3", "4"].includes(e.key)) {
        e.preventDefault();
        grade(Number(e.key) as GradeValue);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed, paused, reveal, grade, undo]);
}
