import { Rating, State } from "ts-fsrs";
import { formatInterval } from "@/lib/srs/interval-label";

export const STATE_LABELS: Record<State, string> = {
  [State.New]: "New",
  [State.Learning]: "Learning",
  [State.Review]: "Review",
  [State.Relearning]: "Relearning",
};
export const RATING_LABELS: Record<Rating, string> = {
  [Rating.Manual]: "Manual",
  [Rating.Again]: "Again",
  [Rating.Hard]: "Hard",
  [Rating.Good]: "Good",
  [Rating.Easy]: "Easy",
};
// A new card has no schedule yet: no due date, stability or difficulty to show.
export const unscheduled = (state: State) => state === State.New;
export const ACTION_LABELS: Record<string, string> = {
  suspend: "Suspended",
  unsuspend: "Unsuspended",
  bury: "Buried until tomorrow",
  unbury: "Unburied",
  forget: "Forgotten (reset to new)",
  postpone: "Moved to tomorrow (a bad day)",
  away: "Moved to after a break",
  spread: "Moved to spread a backlog",
};

// One formatter per zone and style, kept: building an Intl.DateTimeFormat costs far more than
// formatting with one, and /cards formats a date on each of its 50 rows.
const g = globalThis as unknown as { unknotZonedFormats?: Map<string, Intl.DateTimeFormat> };
const formats = (g.unknotZonedFormats ??= new Map());

// A time in the learner's own zone, the same on the server and in every browser.
export function zoned(iso: string, timeZone: string, withTime = true): string {
  const key = `${timeZone} ${withTime}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}) });
    formats.set(key, f);
  }
  return f.format(new Date(iso));
}

export const percent = (r: number | null) => (r == null ? "–" : `${Math.round(r * 100)}%`);
export const days = (d: number) => (d >= 100 ? d.toFixed(0) : d >= 10 ? d.toFixed(1) : d.toFixed(2));
export const intervalLabel = (ms: number) => formatInterval(ms);
