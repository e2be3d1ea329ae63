import { studyDayOfMs, studyDayStartMs, type DayContext } from "./day";

// ts-fsrs counts elapsed days as the difference of UTC calendar dates and has no notion of
// the learner's zone or rollover hour; Anki and fsrs-rs count the learner's study days. So
// ts-fsrs never sees real instants: it sees "study-clock" instants, on which each study day
// is exactly one UTC calendar day (day N of studyDayNumber runs from N×24h to (N+1)×24h).
// The map is a strictly increasing bijection, linear within each study day (a 23- or 25-hour
// day across a DST change is stretched or squeezed to 24 hours), so:
// - ts-fsrs's day count between two reviews equals the study-day count (same-day reviews
//   take the short-term path, as in Anki, even across UTC midnight);
// - a due date ts-fsrs gives maps back to a real instant on the right study day (N days
//   later lands N study days later; a 10-minute step stays 10 minutes except on a DST day).
// Pure and free of Node-only imports, so the browser can schedule with it too.

const DAY_MS = 86_400_000;

// Study-day starts (cached by lib/srs/day.ts).
const startOf = studyDayStartMs;

export function toStudyClock(t: Date, ctx: DayContext): Date {
  return new Date(studyClockMs(t.getTime(), ctx));
}

// The same from and to milliseconds since 1970, for loops over many cards.
export function studyClockMs(ms: number, ctx: DayContext): number {
  const day = studyDayOfMs(ms, ctx);
  const start = startOf(day, ctx);
  const span = startOf(day + 1, ctx) - start;
  const offset = ms - start;
  // Exact (no scaling) on ordinary 24-hour days.
  const within = span === DAY_MS ? offset : Math.min(DAY_MS - 1, Math.floor((offset * DAY_MS) / span));
  return day * DAY_MS + within;
}

export function fromStudyClock(v: Date, ctx: DayContext): Date {
  const day = Math.floor(v.getTime() / DAY_MS);
  const within = v.getTime() - day * DAY_MS;
  const start = startOf(day, ctx);
  const span = startOf(day + 1, ctx) - start;
  return new Date(start + (span === DAY_MS ? within : Math.floor((within * span) / DAY_MS)));
}

// One scheduling call's clock: maps its inputs to study-clock time and its outputs back,
// returning an input's own instant for an output that is one (ts-fsrs copies now,
// last_review and due through), so no stored date drifts by a rounding millisecond.
export class StudyClock {
  private readonly known = new Map<number, Date>();
  constructor(readonly ctx: DayContext) {}

  in(t: Date): Date {
    const v = toStudyClock(t, this.ctx);
    this.known.set(v.getTime(), t);
    return v;
  }

  out(v: Date): Date {
    return this.known.get(v.getTime()) ?? fromStudyClock(v, this.ctx);
  }
}
