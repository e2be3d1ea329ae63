import { describe, expect, it } from "vitest";
import { trueRetention, formatPercent } from "@/lib/progress/retention";
import { heatmapCounts, heatmapLayout, levelOf, weekdayMonday0 } from "@/lib/progress/heatmap";
import { dailySeries } from "@/lib/progress/series";
import { Rating } from "ts-fsrs";

const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe("true retention", () => {
  it("is the share of review-state reviews not answered Again", () => {
    const r = trueRetention([
      { rating: Rating.Again, count: 3 },
      { rating: Rating.Hard, count: 5 },
      { rating: Rating.Good, count: 10 },
      { rating: Rating.Easy, count: 2 },
    ]);
    expect(r).toEqual({ passed: 17, total: 20, ratio: 0.85 });
    expect(formatPercent(r.ratio)).toBe("85.0%");
  });

  it("has no value without reviews rather than 0 % or 100 %", () => {
    expect(trueRetention([])).toEqual({ passed: 0, total: 0, ratio: null });
    expect(formatPercent(null)).toBe("–");
  });
});

describe("the review heatmap", () => {
  it("knows the weekday of a day number (1 January 1970 was a Thursday)", () => {
    expect(weekdayMonday0(0)).toBe(3);
    expect(weekdayMonday0(dayOf("2026-03-09"))).toBe(0); // a Monday
    expect(weekdayMonday0(dayOf("2026-03-15"))).toBe(6); // a Sunday
  });

  it("lays out 53 Monday-first weeks ending today, with levels relative to the busiest day", () => {
    const today = dayOf("2026-03-11"); // a Wednesday
    const layout = heatmapLayout(
      heatmapCounts(
        [
          { day: today, count: 8 },
          { day: today - 1, count: 2 },
          { day: today - 400, count: 99 },
          { day: today - 7, count: 5 },
        ],
        today,
      ),
    );
    expect(layout.cells.length).toBe(52 * 7 + 3);
    expect(layout.weeks).toBe(53);
    expect(layout.cells[0]).toMatchObject({ iso: "2025-03-10", col: 0, row: 0, count: 0, level: 0 });
    expect(layout.cells.at(-1)).toMatchObject({ iso: "2026-03-11", col: 52, row: 2, count: 8, level: 4 });
    expect(layout.max).toBe(8); // the day 400 days ago is outside the window
    expect(layout.cells.find((c) => c.day === today - 1)!.level).toBe(1);
    expect(layout.cells.find((c) => c.day === today - 7)!.level).toBe(3);
    expect(layout.months[0]).toEqual({ col: 0, label: "Mar" });
    expect(layout.months.map((m) => m.label)).toContain("Jan");
  });

  it("never puts two month labels so close that they overlap", () => {
    for (let today = dayOf("2026-01-01"); today < dayOf("2026-03-01"); today++) {
      const { months } = heatmapLayout(heatmapCounts([], today));
      expect(months.every((m, i) => i === 0 || m.col - months[i - 1]!.col >= 3)).toBe(true);
      expect(months.length).toBeGreaterThanOrEqual(12);
    }
  });

  it("maps counts to levels 0-4", () => {
    expect([0, 1, 25, 26, 50, 75, 100].map((c) => levelOf(c, 100))).toEqual([0, 1, 1, 2, 2, 3, 4]);
  });
});

describe("daily series", () => {
  it("fills days without reviews with zero", () => {
    expect(
      dailySeries(
        [
          { day: 11, count: 4 },
          { day: 13, count: 1 },
        ],
        10,
        13,
      ),
    ).toEqual([
      { day: 10, count: 0 },
      { day: 11, count: 4 },
      { day: 12, count: 0 },
      { day: 13, count: 1 },
    ]);
  });
});
