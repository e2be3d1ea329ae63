import type { MoveCause } from "./reschedule-summary";

// Why a reschedule moved a card (lib/srs/reschedule.ts). Pure; server-side, apart from
// lib/srs/reschedule-summary.ts, which /settings uses in the browser.
//
// What moved a card, judged from its state before and after the replay: the replay's memory
// state depends only on the parameters, so a changed stability or difficulty means new
// parameters. Otherwise the interval changed with the same memory: from the maximum interval when
// the cap changes the replay's interval (`uncappedDays`, the same replay without it: same memory
// state, same fuzz seed) or the old interval was past the cap, else from the desired retention
// (its own group's). Asking the scheduler, not the fuzz range below the cap, matters: a cap inside
// an interval's fuzz range narrows that range, so the same fuzz seed can land below the range
// the capped interval itself would fuzz over (a 6-day interval fuzzed over 4–8 to 5 lands on 4
// under a 7-day cap).
type MemoryFields = { stability: number; difficulty: number; scheduledDays: number };

const differs = (a: number, b: number) => Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

// `uncappedDays` is a function: it costs a second replay, which only an unchanged memory state needs.
export function moveCause(before: MemoryFields, after: MemoryFields, maximumInterval: number, uncappedDays: () => number): MoveCause {
  if (differs(before.stability, after.stability) || differs(before.difficulty, after.difficulty)) return "parameters";
  if (before.scheduledDays > maximumInterval || after.scheduledDays !== uncappedDays()) return "maximumInterval";
  return "retention";
}
