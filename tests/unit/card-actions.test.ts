import { describe, expect, it } from "vitest";
import { applyAction, type Snapshot } from "@/lib/srs/cards/apply";
import { cardFields, cardStateOf, type CardFields } from "@/lib/srs/card-rows";
import { createScheduler, forgetCard } from "@/lib/srs/scheduler";
import { State } from "ts-fsrs";

const now = new Date("2026-04-15T12:00:00Z");
const tomorrow = new Date("2026-04-16T04:00:00Z");
const f = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day: { timeZone: "UTC", rolloverHour: 4 } });
const ctx = (resetCounts = false) => ({
  now,
  buryUntil: tomorrow,
  resetCounts,
  forget: (c: CardFields) => cardFields(forgetCard(f, cardStateOf("x", c), now, resetCounts)),
});

const review: Snapshot = {
  state: State.Review,
  due: new Date("2026-04-14T00:00:00Z"),
  stability: 12,
  difficulty: 6,
  elapsedDays: 10,
  scheduledDays: 12,
  learningSteps: 0,
  reps: 9,
  lapses: 2,
  lastReview: new Date("2026-04-02T00:00:00Z"),
  suspendedAt: null,
  buriedUntil: null,
  leech: false,
};

describe("a manual action on one card", () => {
  it("suspends and unsuspends, and a repeat changes nothing", () => {
    const s = applyAction("suspend", review, ctx())!;
    expect(s.suspendedAt).toEqual(now);
    expect({ ...s, suspendedAt: null }).toEqual(review);
    expect(applyAction("suspend", s, ctx())).toBeNull();
    expect(applyAction("unsuspend", s, ctx())).toEqual(review);
    expect(applyAction("unsuspend", review, ctx())).toBeNull();
  });

  it("buries until the next study day, once, and unburies only a card still buried", () => {
    const b = applyAction("bury", review, ctx())!;
    expect(b.buriedUntil).toEqual(tomorrow);
    expect(applyAction("bury", b, ctx())).toBeNull();
    expect(applyAction("unbury", b, ctx())).toEqual(review);
    expect(applyAction("unbury", { ...review, buriedUntil: new Date("2026-04-15T04:00:00Z") }, ctx())).toBeNull();
  });

  it("forgets as ts-fsrs does: new, due now, counts kept unless reset, flags untouched", () => {
    const kept = applyAction("forget", { ...review, leech: true }, ctx())!;
    expect(kept).toMatchObject({ state: State.New, due: now, stability: 0, difficulty: 0, reps: 9, lapses: 2, leech: true });
    expect(applyAction("forget", kept, ctx())).toBeNull();
    const reset = applyAction("forget", kept, ctx(true))!;
    expect(reset).toMatchObject({ state: State.New, reps: 0, lapses: 0 });
    expect(applyAction("forget", reset, ctx(true))).toBeNull();
  });
});
