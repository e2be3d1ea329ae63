import type { Streak } from "@/lib/progress/streak";

// The streak as the home page and /progress show it: the days in a row, what keeps it, and the
// days reviewed in the last 7 and 30, which a bad week cannot take away.
export function streakNote(st: Streak): string {
  if (st.current === 0) return "Review today to start a streak.";
  if (st.reviewedToday) return st.repaired.length ? `Kept today. ${forgiven(st.repaired.length)}` : "Kept today.";
  return st.repairAvailable ? "Review today to keep it. Miss one day and it is forgiven, once a week." : "Review today to keep it.";
}

const forgiven = (n: number) => (n === 1 ? "One missed day was forgiven." : `${n} missed days were forgiven.`);

export function StreakStats({ streak, testId }: { streak: Streak; testId: string }) {
  return (
    <>
      <div className="stat">
        <b data-testid={testId}>{streak.current}</b> day streak <span className="hint">{streakNote(streak)}</span>
      </div>
      <div className="stat" data-testid={`${testId}-recent`}>
        <b>
          {streak.last7} <span className="stat-of">of 7</span>
        </b>
        days reviewed this week <span className="hint">{streak.last30} of the last 30 days</span>
      </div>
    </>
  );
}
