import type { GradeValue } from "./grade-names";

// A swipe on the revealed card grades it: right is Remembered (Good), left is Forgot (Again).
// The gesture is a pure reducer over pointer events; ./use-swipe.ts feeds it and grades on
// `graded`. It never grades from a press that starts on a button, link or field (a tap on a
// grade, Undo or a link is that control's), from a mostly vertical move (scrolling: the gesture
// is dropped as soon as it turns out vertical, and the browser's pointercancel drops it too), or
// from a slide shorter than SWIPE_MIN_PX. No hover and no long press: it works lying down.
export const SWIPE_MIN_PX = 80;
// A finger moving less than this has not chosen a direction yet (a tap's jitter).
export const SWIPE_SLOP_PX = 12;

export type SwipeState =
  | { phase: "idle" }
  // `sideways` once the move is clearly horizontal (the card then follows the finger).
  | { phase: "tracking"; id: number; x: number; y: number; dx: number; sideways: boolean }
  // A vertical move: ignored until the finger lifts.
  | { phase: "scrolling"; id: number };

export type SwipeEvent =
  // `primary`: the first finger on the screen (or the mouse), which always starts afresh.
  | { type: "down"; id: number; x: number; y: number; primary: boolean; onControl: boolean }
  | { type: "move"; id: number; x: number; y: number }
  | { type: "up"; id: number; x: number; y: number }
  | { type: "cancel"; id: number };

export const SWIPE_IDLE: SwipeState = { phase: "idle" };

// The grade a finished move gives, or null: far enough, and at least twice as wide as tall.
export function swipeGrade(dx: number, dy: number): GradeValue | null {
  if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  return dx > 0 ? 3 : 1;
}

// Which way the finger has gone so far: not yet decided (within the slop), sideways or vertical.
export function swipeAxis(dx: number, dy: number): "undecided" | "sideways" | "vertical" {
  if (Math.max(Math.abs(dx), Math.abs(dy)) < SWIPE_SLOP_PX) return "undecided";
  return Math.abs(dx) > Math.abs(dy) ? "sideways" : "vertical";
}

export function swipeReducer(s: SwipeState, e: SwipeEvent): { state: SwipeState; graded: GradeValue | null } {
  const none = (state: SwipeState) => ({ state, graded: null });
  switch (e.type) {
    case "down":
      // A second finger starts nothing; a press on a control ends any gesture left over.
      if (!e.primary) return none(s);
      if (e.onControl) return none(SWIPE_IDLE);
      return none({ phase: "tracking", id: e.id, x: e.x, y: e.y, dx: 0, sideways: false });
    case "move": {
      if (s.phase !== "tracking" || s.id !== e.id) return none(s);
      const dx = e.x - s.x;
      const dy = e.y - s.y;
      const axis = s.sideways ? "sideways" : swipeAxis(dx, dy);
      if (axis === "vertical") return none({ phase: "scrolling", id: s.id });
      return none({ ...s, dx, sideways: axis === "sideways" });
    }
    case "up":
      if (s.phase === "idle" || s.id !== e.id) return none(s);
      if (s.phase === "scrolling") return none(SWIPE_IDLE);
      return { state: SWIPE_IDLE, graded: swipeGrade(e.x - s.x, e.y - s.y) };
    case "cancel":
      if (s.phase === "idle" || s.id !== e.id) return none(s);
      return none(SWIPE_IDLE);
  }
}

// How far the card's face is drawn aside: only once the move is sideways.
export function swipeOffset(s: SwipeState): number {
  return s.phase === "tracking" && s.sideways ? s.dx : 0;
}
