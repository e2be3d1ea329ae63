// Streaks over study-day numbers (ReviewLog.reviewDay: days since 1970-01-01 of the user's
// local date, after the rollover hour), so zones and DST are already settled upstream.
//
// The streak forgives: it counts the days reviewed, and a day without a review does not break
// it when it is excused (a bad-back day from the check-in, a day of a break the learner set),
// or when it is the one missed day a week that is repaired automatically (no other repaired day
// in the 6 days before it). Two missed days in a row always break it. Days in the last 7 and 30
// are reported beside it: a number a bad week cannot take away.

export const REPAIR_EVERY_DAYS = 7;

export type Streak = {
  // Days reviewed in the current streak (repaired and excused days keep it, but do not count).
  current: number;
  longest: number;
  reviewedToday: boolean;
  // The missed days repaired within the current streak, oldest first.
  repaired: number[];
  // Whether a day missed now (today, if it ends without a review) would be repaired.
  repairAvailable: boolean;
  last7: number;
  last30: number;
};

// days: the study days with at least one review, in any order, duplicates allowed.
// excused: study days that neither count nor break the streak.
// Today counts when reviewed; a streak is not broken merely because today has no review yet.
export function computeStreak(days: Iterable<number>, today: number, excused: Iterable<number> = []): Streak {
  const reviewed = new Set<number>();
  for (const d of days) if (d <= today) reviewed.add(d);
  const skip = new Set(excused);
  const within = (n: number) => [...reviewed].filter((d) => d > today - n).length;
  const empty = { current: 0, longest: 0, reviewedToday: false, repaired: [], repairAvailable: false, last7: 0, last30: 0 };
  if (!reviewed.size) return empty;

  let run = 0;
  let longest = 0;
  let repaired: number[] = [];
  for (let d = Math.min(...reviewed); d <= today; d++) {
    if (reviewed.has(d)) {
      run++;
      longest = Math.max(longest, run);
    } else if (d === today || skip.has(d)) {
      // Today is not over yet; an excused day is passed over.
    } else if (run > 0 && canRepair(repaired, d)) {
      repaired.push(d);
    } else {
      run = 0;
      repaired = [];
    }
  }
  return {
    current: run,
    longest,
    reviewedToday: reviewed.has(today),
    repaired,
    repairAvailable: run > 0 && canRepair(repaired, today),
    last7: within(7),
    last30: within(30),
  };
}

function canRepair(repaired: number[], day: number): boolean {
  const last = repaired[repaired.length - 1];
  return last === undefined || day - last >= REPAIR_EVERY_DAYS;
}
