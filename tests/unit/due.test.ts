import { describe, expect, it } from "vitest";
import { countDue, dueCutoff, isDue, isQueued } from "@/lib/srs/due";
import { State } from "ts-fsrs";

const berlin = { timeZone: "Europe/Berlin", rolloverHour: 4 };

describe("what counts as due", () => {
  it("cuts off at the end of the learner's study day, in their zone and rollover hour", () => {
    // 23:30 in Berlin (UTC+1 in winter): the study day ends at 04:00 local, 03:00 UTC.
    expect(dueCutoff(new Date("2026-01-15T22:30:00Z"), berlin).toISOString()).toBe("2026-01-16T03:00:00.000Z");
    // 02:00 local is still the previous study day.
    expect(dueCutoff(new Date("2026-01-16T01:00:00Z"), berlin).toISOString()).toBe("2026-01-16T03:00:00.000Z");
  });

  it("counts learning, review and relearning cards due before the cut-off, overdue included, and never new cards", () => {
    const now = new Date("2026-01-15T11:00:00Z");
    const cutoff = dueCutoff(now, berlin);
    const cards = [
      { state: State.New, due: new Date("2026-01-01T00:00:00Z") }, // new: governed by the new-card limit
      { state: State.Learning, due: new Date("2026-01-15T15:00:00Z") }, // a learning step later today
      { state: State.Review, due: new Date("2025-12-01T00:00:00Z") }, // overdue review
      { state: State.Relearning, due: new Date("2026-01-16T02:59:59Z") }, // relearning, a second before the cut-off
      { state: State.Review, due: new Date("2026-01-16T03:00:00Z") }, // at the cut-off: tomorrow
    ];
    expect(cards.map((c) => isDue(c, cutoff))).toEqual([false, true, true, true, false]);
    expect(countDue(cards, cutoff)).toBe(3);
  });

  it("keeps suspended cards out of the queue, and buried ones until their burial ends", () => {
    const now = new Date("2026-01-15T12:00:00Z");
    const tomorrow = new Date("2026-01-16T03:00:00Z");
    expect(isQueued({ suspendedAt: null, buriedUntil: null }, now)).toBe(true);
    expect(isQueued({ suspendedAt: new Date("2026-01-01T00:00:00Z"), buriedUntil: null }, now)).toBe(false);
    expect(isQueued({ suspendedAt: null, buriedUntil: tomorrow }, now)).toBe(false);
    expect(isQueued({ suspendedAt: null, buriedUntil: tomorrow }, tomorrow)).toBe(true);
  });
});
