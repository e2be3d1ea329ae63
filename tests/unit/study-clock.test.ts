import { describe, expect, it } from "vitest";
import { type Grade, Rating, State, createEmptyCard, default_w, fsrs, generatorParameters } from "ts-fsrs";
import { BindingMemoryState, FSRSBinding } from "@open-spaced-repetition/binding";
import { studyDayNumber, type DayContext } from "@/lib/srs/day";
import { fromStudyClock, toStudyClock } from "@/lib/srs/study-clock";
import { createScheduler, gradeCard, newCardState, previewIntervals, type CardState } from "@/lib/srs/scheduler";
import { prng } from "@/lib/prng";

const base = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false, weights: null };
const la = { timeZone: "America/Los_Angeles", rolloverHour: 4 };
const berlin = { timeZone: "Europe/Berlin", rolloverHour: 4 };
const DAY = 86_400_000;

// fsrs-rs (Anki's implementation, through the binding) as the oracle: it takes the number of
// days elapsed explicitly, and Anki gives it the number of the learner's study days.
const oracle = new FSRSBinding([...default_w]);
type Mem = { stability: number; difficulty: number };
function oracleStep(mem: Mem | null, rating: Grade, daysElapsed: number): Mem {
  const next = oracle.nextStates(mem ? new BindingMemoryState(mem.stability, mem.difficulty) : null, 0.9, daysElapsed);
  const s = [next.again, next.hard, next.good, next.easy][rating - 1]!.memory;
  return { stability: s.stability, difficulty: s.difficulty };
}

// fsrs-rs computes in f32: agreement to about six significant digits.
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));

describe("the study clock", () => {
  it("puts each study day on one UTC calendar day and maps back exactly", () => {
    const rand = prng(3);
    for (const ctx of [la, berlin, { timeZone: "Asia/Kolkata", rolloverHour: 0 }, { timeZone: "Pacific/Auckland", rolloverHour: 23 }]) {
      let prev = -Infinity;
      // A year in steps of about three hours: both DST changes of each zone are crossed.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 150 * 60_000 + Math.floor(rand() * 60 * 60_000)) {
        const real = new Date(t);
        const v = toStudyClock(real, ctx);
        expect(Math.floor(v.getTime() / DAY)).toBe(studyDayNumber(real, ctx));
        expect(v.getTime()).toBeGreaterThan(prev);
        prev = v.getTime();
        // Exact on ordinary days; within a millisecond on a 23- or 25-hour day.
        expect(Math.abs(fromStudyClock(v, ctx).getTime() - t)).toBeLessThanOrEqual(1);
      }
    }
  }, 60_000);

  it("takes Anki's same-day path for a learner in UTC-8 reviewing at 15:00 and 17:00 (after UTC midnight)", () => {
    const first = new Date("2026-01-14T23:00:00Z"); // 15:00 PST
    const second = new Date("2026-01-15T01:00:00Z"); // 17:00 PST, the next UTC date
    const ours = createScheduler({ ...base, day: la });
    const a = gradeCard(ours, newCardState("c", first), Rating.Good, first).card;
    const b = gradeCard(ours, a, Rating.Good, second).card;
    expect(b.elapsedDays).toBe(0);
    const want = oracleStep(oracleStep(null, Rating.Good, 0), Rating.Good, 0);
    expect(close(b.stability, want.stability)).toBe(true);
    expect(close(b.difficulty, want.difficulty)).toBe(true);

    // Bare ts-fsrs, on UTC dates, counts a day and takes the long-term path instead.
    const bare = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false, enable_short_term: true }));
    const x = bare.next(bare.next(createEmptyCard(first), first, Rating.Good).card, second, Rating.Good).card;
    expect(x.elapsed_days).toBe(1);
    expect(close(x.stability, want.stability)).toBe(false);
  });

  it("counts reviews either side of the rollover hour as two study days, even on the same UTC date", () => {
    // Berlin, DST starts 29 March 2026 at 02:00: 03:30 CEST still belongs to 28 March's study
    // day; 04:30 CEST, an hour later and on the same UTC date, is the next one.
    const late = new Date("2026-03-29T01:30:00Z");
    const early = new Date("2026-03-29T02:30:00Z");
    const ours = createScheduler({ ...base, day: berlin });
    const a = gradeCard(ours, newCardState("c", late), Rating.Good, late).card;
    const b = gradeCard(ours, a, Rating.Good, early).card;
    expect(b.elapsedDays).toBe(1);
    const want = oracleStep(oracleStep(null, Rating.Good, 0), Rating.Good, 1);
    expect(close(b.stability, want.stability)).toBe(true);
  });

  it("keeps learning steps in real minutes across the rollover and UTC midnight", () => {
    const ours = createScheduler({ ...base, day: la });
    const at = new Date("2026-01-15T11:55:00Z"); // 03:55 PST, five minutes before the rollover
    const previews = previewIntervals(ours, newCardState("c", at), at);
    expect(previews.find((p) => p.rating === Rating.Again)!.due.getTime() - at.getTime()).toBe(60_000);
    expect(previews.find((p) => p.rating === Rating.Good)!.due.getTime() - at.getTime()).toBe(10 * 60_000);
  });

  it("agrees with fsrs-rs on memory states over random histories across zones, rollover hours and DST changes", () => {
    const zones: DayContext[] = [
      la,
      berlin,
      { timeZone: "Asia/Tokyo", rolloverHour: 4 },
      { timeZone: "America/New_York", rolloverHour: 0 },
      { timeZone: "Australia/Sydney", rolloverHour: 6 },
      { timeZone: "UTC", rolloverHour: 4 },
    ];
    const rand = prng(11);
    let compared = 0;
    let sameDayAcrossUtcMidnight = 0;
    for (const ctx of zones) {
      const ours = createScheduler({ ...base, day: ctx });
      for (let n = 0; n < 40; n++) {
        // Histories from late February to May: every zone above (but Tokyo, UTC) changes clocks.
        let t = new Date(Date.UTC(2026, 1, 20) + Math.floor(rand() * 30 * DAY));
        let card: CardState = newCardState(`c${n}`, t);
        let mem: Mem | null = null;
        for (let i = 0; i < 8; i++) {
          const rating = (1 + Math.floor(rand() * 4)) as Grade;
          const prevDay = card.lastReview ? studyDayNumber(card.lastReview, ctx) : null;
          const days = prevDay == null ? 0 : studyDayNumber(t, ctx) - prevDay;
          if (days === 0 && card.lastReview && card.lastReview.toISOString().slice(0, 10) !== t.toISOString().slice(0, 10)) sameDayAcrossUtcMidnight++;
          const next = gradeCard(ours, card, rating, t).card;
          mem = oracleStep(mem, rating, days);
          expect(next.elapsedDays).toBe(days);
          expect(close(next.stability, mem.stability)).toBe(true);
          expect(close(next.difficulty, mem.difficulty)).toBe(true);
          // A review interval of N days falls due N study days later.
          if (next.state === State.Review) expect(studyDayNumber(next.due, ctx) - studyDayNumber(t, ctx)).toBe(next.scheduledDays);
          compared++;
          card = next;
          // Next review: a few minutes to hours later (same study day or just across a
          // boundary) or some days later at any hour.
          t = new Date(t.getTime() + (rand() < 0.5 ? Math.floor(rand() * 10 * 3_600_000) : Math.floor(rand() * 12 * DAY)));
        }
      }
    }
    expect(compared).toBe(zones.length * 40 * 8);
    // The case the mapping exists for did occur.
    expect(sameDayAcrossUtcMidnight).toBeGreaterThan(10);
  });
});
