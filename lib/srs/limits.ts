// Daily limits, counted per study day as Anki's v3 scheduler counts them. Pure, unit-tested.
// - New cards: at most `newPerDay` introduced a day (a log whose pre-review state is New).
// - Reviews: at most `reviewsPerDay` a day, counting the reviews of review-state cards done
//   today and, as in Anki v3, the new cards introduced today: the review limit caps new cards
//   too, so a day with 190 of 200 reviews due leaves room for at most 10 new cards.
// - Learning and relearning steps are never capped: their short intervals are the point.
// What is over a limit is not rescheduled: it stays due, and later days take it up.

export type DayCounts = {
  newPerDay: number;
  reviewsPerDay: number;
  // Done today (live logs of the current study day, by pre-review state).
  introduced: number;
  reviewed: number;
  // Waiting in the queue now.
  reviewDue: number;
  newAvailable: number;
};

export function dailyAllowance(c: DayCounts): { reviews: number; fresh: number } {
  const reviewRoom = Math.max(0, c.reviewsPerDay - c.reviewed - c.introduced);
  const reviews = Math.min(c.reviewDue, reviewRoom);
  const newRoom = Math.max(0, c.newPerDay - c.introduced);
  const fresh = Math.min(c.newAvailable, newRoom, reviewRoom - reviews);
  return { reviews, fresh };
}
