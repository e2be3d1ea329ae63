"use client";
import { useRef, useState, type PointerEvent } from "react";
import type { GradeValue } from "./grade-names";
import { swipeGrade } from "./swipe";

// Pointer events (touch, pen or mouse; no hover, no long press) on the revealed card: the card
// follows the finger sideways, and a swipe far enough grades it (./swipe.ts).
export function useSwipe(enabled: boolean, onGrade: (r: GradeValue) => void) {
  const start = useRef<{ x: number; y: number; id: number } | null>(null);
  const [dx, setDx] = useState(0);
  const end = (e: PointerEvent, grade: boolean) => {
    const s = start.current;
    start.current = null;
    setDx(0);
    if (!s || s.id !== e.pointerId || !grade) return;
    const r = swipeGrade(e.clientX - s.x, e.clientY - s.y);
    if (r) onGrade(r);
  };
  const handlers = enabled
    ? {
        onPointerDown: (e: PointerEvent) => {
          if (e.pointerType === "mouse" && e.button !== 0) return;
          start.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
        },
        onPointerMove: (e: PointerEvent) => {
          const s = start.current;
          if (s && s.id === e.pointerId) setDx(e.clientX - s.x);
        },
        onPointerUp: (e: PointerEvent) => end(e, true),
        onPointerCancel: (e: PointerEvent) => end(e, false),
      }
    : {};
  return { dx: enabled ? dx : 0, handlers };
}
