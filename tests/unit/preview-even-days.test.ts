import { describe, expect, it } from "vitest";
import { Rating, type Grade } from "ts-fsrs";
import { loadWindow, NORMAL_WEEK } from "@/lib/srs/load-balance";
import { studyDayNumber } from "@/lib/srs/day";
import { createScheduler, gradeCard, newCardState, previewIntervals, type CardState } from "@/lib/srs/scheduler";
import { formatIntervalRange } from "@/lib/srs/interval-label";
import { prng } from "@/lib/prng";

const ctx = { timeZone: "Europe/London", rolloverHour: 4 };
const f = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day: ctx });
const DAY = 86_400_000;
const easy = { weekdays: NORMAL_WEEK, dates: [] };

// A card in review with an interval of a few weeks, graded at `now`.
function reviewCard(id: string, now: Date): CardState {
  let t = new Date(now.getTime() - 60 * DAY);
  let card = newCardState(id, t);
  for (const rating of [Rating.Good, Rating.Good, Rating.Good, Rating.Good] as const) {
    card = gradeCard(f, card, rating, t).card;
    t = new Date(Math.max(card.due.getTime(), t.getTime() + DAY / 2));
  }
  return { ...card, due: now };
}

describe("button previews with even days", () => {
  it("words a range of days compactly, the unit once when both ends share it", () => {
    expect(formatIntervalRange(4 * DAY, 6 * DAY)).toBe("4–6d");
    expect(formatIntervalRange(45 * DAY, 54 * DAY)).toBe("1.5–1.8mo");
    expect(formatIntervalRange(25 * DAY, 34 * DAY)).toBe("25d–1.1mo");
    expect(formatIntervalRange(5 * DAY, 5 * DAY)).toBe("5d");
  });

  it("shows the exact day grading gives when the load window is known, and otherwise the range grading never leaves", () => {
    const rand = prng(7);
    let ranged = 0;
    for (let i = 0; i < 40; i++) {
      const now = new Date(Date.UTC(2026, 2, 1 + i, 9 + (i % 8)));
      const card = reviewCard(`card-${i}`, now);
      const today = studyDayNumber(now, ctx);
      const others = Array.from({ length: 200 }, () => ({ day: today + Math.floor(rand() * 90), section: rand() < 0.2 ? "a#1" : "b#2" }));
      const window = loadWindow(today, 102, others, "a#1", easy);
      const exact = previewIntervals(f, card, now, window);
      const unknown = previewIntervals(f, card, now, null, true);
      for (const rating of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as Grade[]) {
        const graded = gradeCard(f, card, rating, now, window).card;
        const shown = exact.find((p) => p.rating === rating)!;
        expect(shown.due.getTime()).toBe(graded.due.getTime());
        expect(shown.latest).toBeUndefined();
        const range = unknown.find((p) => p.rating === rating)!;
        const landed = studyDayNumber(graded.due, ctx);
        if (range.latest) {
          ranged++;
          expect(range.label).toMatch(/–/);
          expect(landed).toBeGreaterThanOrEqual(studyDayNumber(range.due, ctx));
          expect(landed).toBeLessThanOrEqual(studyDayNumber(range.latest, ctx));
        } else {
          expect(range.due.getTime()).toBe(graded.due.getTime());
        }
      }
    }
    expect(ranged).toBeGreaterThan(40);
  });

  it("keeps ts-fsrs's exact day when even days are off", () => {
    const now = new Date("2026-03-10T09:00:00Z");
    const card = reviewCard("off", now);
    const previews = previewIntervals(f, card, now, null, false);
    for (const p of previews) {
      expect(p.latest).toBeUndefined();
      expect(p.due.getTime()).toBe(gradeCard(f, card, p.rating, now).card.due.getTime());
    }
  });
});
