"use client";
import { useEffect, useRef, useState, type PointerEvent, type RefObject } from "react";
import type { GradeValue } from "./grade-names";
import { SWIPE_IDLE, swipeOffset, swipeReducer, type SwipeEvent, type SwipeState } from "./swipe";

// A press that starts on one of these is the control's, never a swipe.
const CONTROLS = "button, a, input, select, textarea, summary, label, [role=button]";

// Pointer events (touch, pen or mouse; no hover, no long press) on the revealed card's face: the
// face follows a sideways finger, and a swipe far enough grades it (./swipe.ts). The handlers go
// on the face only, never on the answer bar, so a tap on a grade or on Undo stays a tap.
//
// Once a move is sideways the gesture is the page's: its touchmoves are cancelled (a native,
// non-passive listener; React's are passive). Otherwise the browser also takes the slide as a
// sideways scroll and, after the page has been scrolled, lets it glide on for a second or so
// with nothing to move; a tap on Undo in that second only stopped the glide and was lost.
// `face` is the card face's element.
export function useSwipe(face: RefObject<HTMLElement | null>, enabled: boolean, onGrade: (r: GradeValue) => void) {
  const state = useRef<SwipeState>(SWIPE_IDLE);
  const [dx, setDx] = useState(0);
  const send = (e: SwipeEvent) => {
    const { state: next, graded } = swipeReducer(state.current, e);
    state.current = next;
    setDx(swipeOffset(next));
    if (graded) onGrade(graded);
  };
  useEffect(() => {
    const el = face.current;
    if (!enabled || !el) return;
    const onTouchMove = (e: TouchEvent) => {
      const s = state.current;
      if (e.cancelable && s.phase === "tracking" && s.sideways) e.preventDefault();
    };
    el.addEventListener("touchmove", onTouchMove, { passive: false });
    return () => el.removeEventListener("touchmove", onTouchMove);
  }, [face, enabled]);
  const handlers = enabled
    ? {
        onPointerDown: (e: PointerEvent) => {
          if (e.pointerType === "mouse" && e.button !== 0) return;
          const onControl = e.target instanceof Element && e.target.closest(CONTROLS) !== null;
          send({ type: "down", id: e.pointerId, x: e.clientX, y: e.clientY, primary: e.isPrimary, onControl });
        },
        onPointerMove: (e: PointerEvent) => send({ type: "move", id: e.pointerId, x: e.clientX, y: e.clientY }),
        onPointerUp: (e: PointerEvent) => send({ type: "up", id: e.pointerId, x: e.clientX, y: e.clientY }),
        onPointerCancel: (e: PointerEvent) => send({ type: "cancel", id: e.pointerId }),
      }
    : {};
  return { dx: enabled ? dx : 0, handlers };
}
