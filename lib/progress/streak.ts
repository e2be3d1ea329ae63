// Streaks over study-day numbers (ReviewLog.reviewDay: days since 1970-01-01 of the user's
// local date, after the rollover hour), so zones and DST are already settled upstream.

export type Streak = { current: number; longest: number; reviewedToday: boolean };

// days: the study days with at least one review, in any order, duplicates allowed.
// Today counts when reviewed; a streak is not broken merely because today has no review yet.
export function computeStreak(days: Iterable<number>, today: number): Streak {
  const set = new Set<number>();
  for (const d of days) if (d <= today) set.add(d);
  const reviewedToday = set.has(today);
  let current = 0;
  for (let d = reviewedToday ? today : today - 1; set.has(d); d--) current++;
  let longest = 0;
  let run = 0;
  let prev: number | undefined;
  for (const d of [...set].sort((a, b) => a - b)) {
    run = prev !== undefined && d === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = d;
  }
  return { current, longest, reviewedToday };
}
