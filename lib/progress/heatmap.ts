import { dayNumberToIsoDate } from "../srs/day";
import { monthName, type DayCount } from "./series";

// A GitHub-style calendar: one column per week (Monday first), one row per weekday,
// covering the last `weeks` weeks up to today. Day numbers count from 1970-01-01, a Thursday.

export type HeatCell = { day: number; iso: string; col: number; row: number; count: number; level: 0 | 1 | 2 | 3 | 4 };
export type HeatmapLayout = { cells: HeatCell[]; weeks: number; months: { col: number; label: string }[]; max: number };
// The reviews of each day from `first` (a Monday, `weeks` weeks back) to today, zeros
// included: the heatmap's whole input, compact enough to send to the browser as it is.
export type HeatmapCounts = { first: number; counts: number[] };

export const weekdayMonday0 = (day: number) => (((day + 3) % 7) + 7) % 7;

export function levelOf(count: number, max: number): HeatCell["level"] {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max))) as HeatCell["level"];
}

export function heatmapCounts(rows: DayCount[], today: number, weeks = 53): HeatmapCounts {
  const first = today - weekdayMonday0(today) - (weeks - 1) * 7;
  const counts = new Array<number>(today - first + 1).fill(0);
  for (const r of rows) if (r.day >= first && r.day <= today) counts[r.day - first] = r.count;
  return { first, counts };
}

export function heatmapLayout({ first, counts }: HeatmapCounts): HeatmapLayout {
  const weeks = Math.ceil(counts.length / 7);
  const max = Math.max(0, ...counts);
  const cells: HeatCell[] = [];
  const months: { col: number; label: string }[] = [];
  let lastMonth = -1;
  for (let i = 0; i < counts.length; i++) {
    const d = first + i;
    const iso = dayNumberToIsoDate(d);
    const col = Math.floor(i / 7);
    const row = weekdayMonday0(d);
    const month = Number(iso.slice(5, 7)) - 1;
    // A month is labelled above the first column whose Monday falls in it.
    if (row === 0 && month !== lastMonth) {
      // A label too close to the previous one (a partial first month) would overlap it.
      if (months.length && col - months[months.length - 1]!.col < 3) months.pop();
      months.push({ col, label: monthName(month) });
      lastMonth = month;
    }
    const count = counts[i]!;
    cells.push({ day: d, iso, col, row, count, level: levelOf(count, max) });
  }
  return { cells, weeks, months, max };
}
