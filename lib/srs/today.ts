import { Rating, State } from "ts-fsrs";
// Today's tally from review logs grouped by (state before the review, rating).
export type TodayGroup = { state: number; rating: number; count: number; durationMs: number };
export type TodayStats = { done: number; again: number; introduced: number; timeMs: number };

export function summarizeToday(groups: TodayGroup[]): TodayStats {
  const out: TodayStats = { done: 0, again: 0, introduced: 0, timeMs: 0 };
  for (const g of groups) {
    out.done += g.count;
    out.timeMs += g.durationMs;
    if (g.rating === Rating.Again) out.again += g.count;
    // A log's state is the card's state before that review: state New means first seen today.
    if (g.state === State.New) out.introduced += g.count;
  }
  return out;
}
