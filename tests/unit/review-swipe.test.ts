import { describe, expect, it } from "vitest";
import { SWIPE_MIN_PX, swipeGrade } from "@/app/review/swipe";

describe("grading by swipe", () => {
  it("grades Good (Remembered) on a swipe right and Again (Forgot) on a swipe left", () => {
    expect(swipeGrade(SWIPE_MIN_PX + 20, 10)).toBe(3);
    expect(swipeGrade(-(SWIPE_MIN_PX + 20), -10)).toBe(1);
  });

  it("ignores a tap, a short slide and a mostly vertical move (scrolling)", () => {
    expect(swipeGrade(0, 0)).toBeNull();
    expect(swipeGrade(SWIPE_MIN_PX - 1, 0)).toBeNull();
    expect(swipeGrade(SWIPE_MIN_PX + 20, SWIPE_MIN_PX)).toBeNull();
    expect(swipeGrade(-(SWIPE_MIN_PX + 20), 300)).toBeNull();
  });
});
