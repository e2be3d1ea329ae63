import { describe, expect, it } from "vitest";
import { SWIPE_IDLE, SWIPE_MIN_PX, SWIPE_SLOP_PX, swipeGrade, swipeOffset, swipeReducer, type SwipeEvent, type SwipeState } from "@/app/review/swipe";

// Runs a gesture through the reducer: the grades it gave and the state it ended in.
function run(events: SwipeEvent[], from: SwipeState = SWIPE_IDLE) {
  let s = from;
  const graded = [];
  const offsets = [];
  for (const e of events) {
    const r = swipeReducer(s, e);
    s = r.state;
    offsets.push(swipeOffset(s));
    if (r.graded) graded.push(r.graded);
  }
  return { graded, state: s, offsets };
}

const down = (x: number, y: number, o: { id?: number; primary?: boolean; onControl?: boolean } = {}): SwipeEvent => ({
  type: "down",
  id: o.id ?? 1,
  x,
  y,
  primary: o.primary ?? true,
  onControl: o.onControl ?? false,
});
const move = (x: number, y: number, id = 1): SwipeEvent => ({ type: "move", id, x, y });
const up = (x: number, y: number, id = 1): SwipeEvent => ({ type: "up", id, x, y });

// A finger sliding from (x, y) by (dx, dy) in six steps, then lifting.
function slide(x: number, y: number, dx: number, dy: number, o: { onControl?: boolean } = {}): SwipeEvent[] {
  const steps = Array.from({ length: 6 }, (_, i) => move(x + Math.round((dx * (i + 1)) / 6), y + Math.round((dy * (i + 1)) / 6)));
  return [down(x, y, o), ...steps, up(x + dx, y + dy)];
}

describe("grading by swipe", () => {
  it("grades Good (Remembered) on a swipe right and Again (Forgot) on a swipe left", () => {
    expect(run(slide(100, 300, SWIPE_MIN_PX + 40, 10)).graded).toEqual([3]);
    expect(run(slide(300, 300, -(SWIPE_MIN_PX + 40), -10)).graded).toEqual([1]);
    expect(swipeGrade(SWIPE_MIN_PX, 0)).toBe(3);
  });

  it("never grades from a tap, even one that wobbles a little", () => {
    expect(run([down(200, 400), up(200, 400)]).graded).toEqual([]);
    expect(run([down(200, 400), move(204, 403), up(205, 402)]).graded).toEqual([]);
  });

  it("never grades from a press that starts on a button or link, however far it slides", () => {
    const r = run(slide(100, 700, 200, 0, { onControl: true }));
    expect(r.graded).toEqual([]);
    expect(r.offsets.every((o) => o === 0)).toBe(true);
  });

  it("never grades from a slide shorter than the threshold", () => {
    expect(run(slide(100, 300, SWIPE_MIN_PX - 1, 0)).graded).toEqual([]);
    expect(run(slide(300, 300, -(SWIPE_MIN_PX - 1), 0)).graded).toEqual([]);
  });

  it("drops a vertical move (scrolling the card) for good, even if it then turns sideways", () => {
    const r = run([down(100, 500), move(102, 480), move(104, 440), move(250, 430), up(260, 430)]);
    expect(r.graded).toEqual([]);
    expect(r.offsets.every((o) => o === 0)).toBe(true);
    expect(r.state).toEqual(SWIPE_IDLE);
  });

  it("does not grade a diagonal move that is not clearly sideways", () => {
    expect(run(slide(100, 300, SWIPE_MIN_PX + 20, SWIPE_MIN_PX)).graded).toEqual([]);
  });

  it("drops the gesture when the browser cancels it (it took the move as a scroll)", () => {
    const r = run([down(100, 300), move(150, 302), { type: "cancel", id: 1 }, up(300, 300)]);
    expect(r.graded).toEqual([]);
    expect(r.state).toEqual(SWIPE_IDLE);
  });

  it("moves the card's face only once the move is sideways, and by the finger's distance", () => {
    const r = run([down(100, 300), move(100 + SWIPE_SLOP_PX - 1, 300), move(160, 305)]);
    expect(r.offsets).toEqual([0, 0, 60]);
  });

  it("ignores a second finger, and a first finger always starts afresh", () => {
    const r = run([down(100, 300), down(300, 300, { id: 2, primary: false }), move(400, 300, 2), up(400, 300, 2), up(100, 300)]);
    expect(r.graded).toEqual([]);
    // A gesture left half-done (its lift was missed) does not swallow the next one.
    const stale: SwipeState = { phase: "tracking", id: 7, x: 0, y: 0, dx: 50, sideways: true };
    expect(run(slide(100, 300, 150, 0), stale).graded).toEqual([3]);
  });
});
