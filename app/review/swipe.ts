import type { GradeValue } from "./grade-names";

// A swipe on the revealed card grades it: right is Remembered (Good), left is Forgot (Again).
// Only a clearly sideways move counts (far enough, and mostly horizontal), so scrolling the
// card and tapping its links never grade. Pure; the pointer handling is ./use-swipe.ts.
export const SWIPE_MIN_PX = 80;

export function swipeGrade(dx: number, dy: number): GradeValue | null {
  if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  return dx > 0 ? 3 : 1;
}
