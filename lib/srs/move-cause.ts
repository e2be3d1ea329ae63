import { get_fuzz_range } from "ts-fsrs";
import type { MoveCause } from "./reschedule-summary";

// Why a reschedule moved a card (lib/srs/reschedule.ts). Apart from lib/srs/reschedule-summary.ts,
// which /settings uses in the browser, so that the page does not bring ts-fsrs. Pure.
//
// What moved a card, judged from its state before and after the replay: the replay's memory
// state depends only on the parameters, so a changed stability or difficulty means new
// parameters; otherwise the interval changed with the same memory, from the maximum interval
// when either side reaches or passes it (the new one within the fuzz range below the cap, where
// fuzz and even days may put a capped interval), else from the desired retention (its own group's).
type MemoryFields = { stability: number; difficulty: number; scheduledDays: number };

const differs = (a: number, b: number) => Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

export function moveCause(before: MemoryFields, after: MemoryFields, maximumInterval: number): MoveCause {
  if (differs(before.stability, after.stability) || differs(before.difficulty, after.difficulty)) return "parameters";
  const capped = get_fuzz_range(maximumInterval, 0, maximumInterval).min_ivl;
  if (after.scheduledDays >= capped || before.scheduledDays > maximumInterval) return "maximumInterval";
  return "retention";
}
