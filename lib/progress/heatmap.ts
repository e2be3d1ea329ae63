import { dayNumberToIsoDate } from "../srs/day";
import { monthName, type DayCount } from "./series";

// A GitHub-style calendar: one column per week (Monday first), one row per weekday,
// covering the last `weeks` weeks up to today. Day numbers count from 1970-01-01, a Thursday.

export type HeatCell = { day: number; iso: string; col: number; row: number; count: number; level: 0 | 1 | 2 | 3 | 4 };
export type HeatmapLayout = { cells: HeatCell[]; weeks: number; months: { col: number; label: string }[]; max: number };

export const weekdayMonday0 = (day: number) => (((day + 3) % 7) + 7) % 7;

export function levelOf(count: number, max: number): HeatCell["level"] {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max))) as HeatCell["level"];
}

export function heatmapLayout(rows: DayCount[], today: number, weeks = 53): HeatmapLayout {
  const counts = new Map(rows.map((r) => [r.day, r.count]));
  const first = today - weekdayMonday0(today) - (weeks - 1) * 7;
  let max = 0;
  for (let d = first; d <= today; d++) max = Math.max(max, counts.get(d) ?? 0);
  const cells: HeatCell[] = [];
  const months: { col: number; label: string }[] = [];
  let lastMonth = -1;
  for (let d = first; d <= today; d++) {
    const iso = dayNumberToIsoDate(d);
    const col = Math.floor((d - first) / 7);
    const row = weekdayMonday0(d);
    const month = Number(iso.slice(5, 7)) - 1;
    // A month is labelled above the first column whose Monday falls in it.
    if (row === 0 && month !== lastMonth) {
      // A label too close to the previous one (a partial first month) would overlap it.
      if (months.length && col - months[months.length - 1]!.col < 3) months.pop();
      months.push({ col, label: monthName(month) });
      lastMonth = month;
    }
    const count = counts.get(d) ?? 0;
    cells.push({ day: d, iso, col, row, count, level: levelOf(count, max) });
  }
  return { cells, weeks, months, max };
}
