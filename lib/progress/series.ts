import { dayNumberToIsoDate } from "../srs/day";

export type DayCount = { day: number; count: number };

// One entry per study day from `from` to `to` inclusive, zero where nothing was reviewed.
export function dailySeries(rows: DayCount[], from: number, to: number): DayCount[] {
  const m = new Map(rows.map((r) => [r.day, r.count]));
  const out: DayCount[] = [];
  for (let d = from; d <= to; d++) out.push({ day: d, count: m.get(d) ?? 0 });
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "Mon 3 Mar 2026"-style label of a study-day number, without going through a time zone.
export function dayLabel(day: number, withYear = false): string {
  const [y, m, d] = dayNumberToIsoDate(day).split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ""}`;
}

export const monthName = (month: number) => MONTHS[month]!;
