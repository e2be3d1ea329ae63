// How far a reschedule moves cards, for the learner to see before confirming. Pure.
// Shifts are in study days (the due date's study day after minus before), so a card whose due
// time moves within the same day has not "moved".

export type RescheduleSummary = {
  // Cards with a review history (new cards have nothing to replay).
  reviewed: number;
  // Cards whose memory state or due date the new parameters change (these are written).
  changed: number;
  // Cards falling due on a different study day, and in which direction.
  moved: number;
  earlier: number;
  later: number;
  // Over the moved cards, in days (absolute values).
  medianShiftDays: number;
  maxEarlierDays: number;
  maxLaterDays: number;
  // Over the moved cards: what moved each (moveCause). Absent in summaries stored before causes were counted.
  causes?: Record<MoveCause, number>;
};

export type MoveCause = "parameters" | "retention" | "maximumInterval";

export function summarizeShifts(reviewed: number, changed: number, shifts: number[], causes?: MoveCause[]): RescheduleSummary {
  const moved = shifts.filter((d) => d !== 0);
  const counts: Record<MoveCause, number> = { parameters: 0, retention: 0, maximumInterval: 0 };
  if (causes) shifts.forEach((d, i) => d !== 0 && causes[i] && counts[causes[i]]++);
  const abs = moved.map(Math.abs).sort((a, b) => a - b);
  const mid = abs.length >> 1;
  const median = abs.length === 0 ? 0 : abs.length % 2 ? abs[mid]! : (abs[mid - 1]! + abs[mid]!) / 2;
  return {
    reviewed,
    changed,
    moved: moved.length,
    earlier: moved.filter((d) => d < 0).length,
    later: moved.filter((d) => d > 0).length,
    medianShiftDays: median,
    maxEarlierDays: Math.max(0, ...moved.map((d) => -d)),
    maxLaterDays: Math.max(0, ...moved),
    ...(causes ? { causes: counts } : {}),
  };
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

// One sentence for the page: "12 of 40 cards move: 5 earlier (up to 3 days), 7 later (up to 9 days); median shift 2 days."
export function describeSummary(s: RescheduleSummary): string {
  if (s.reviewed === 0) return "You have no reviewed cards to reschedule yet.";
  if (s.moved === 0)
    return s.changed
      ? `No card changes its due day; ${s.changed} of ${s.reviewed} get an updated memory state.`
      : "Your cards are already scheduled by these parameters; nothing would change.";
  const parts = [
    s.earlier ? `${s.earlier} earlier (up to ${days(s.maxEarlierDays)})` : null,
    s.later ? `${s.later} later (up to ${days(s.maxLaterDays)})` : null,
  ].filter(Boolean);
  return `${s.moved} of ${s.reviewed} cards move: ${parts.join(", ")}; median shift ${days(s.medianShiftDays)}.${describeCauses(s)}`;
}

const CAUSE_WORDS: Record<MoveCause, string> = {
  parameters: "new memory parameters",
  retention: "a changed target for how much you remember",
  maximumInterval: "a changed longest gap between reviews",
};

// " Why: 8 because of new memory parameters, 4 because of a changed target for how much you remember."
export function describeCauses(s: RescheduleSummary): string {
  if (!s.causes) return "";
  const all = s.moved > 0 && (Object.keys(CAUSE_WORDS) as MoveCause[]).find((c) => s.causes![c] === s.moved);
  if (all) return ` All because of ${CAUSE_WORDS[all]}.`;
  const parts = (Object.keys(CAUSE_WORDS) as MoveCause[]).filter((c) => s.causes![c] > 0).map((c) => `${s.causes![c]} because of ${CAUSE_WORDS[c]}`);
  return parts.length ? ` Why: ${parts.join(", ")}.` : "";
}
