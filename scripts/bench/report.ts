import type { Row } from "./stats";

// What a measure hands back: rows for the printed table and figures for data/bench/results.json.
export type Figure = { measure: string; value: number; unit: string; target: string | null; pass: boolean | null };
export type Report = { rows: Row[]; figures: Figure[] };

export const emptyReport = (): Report => ({ rows: [], figures: [] });

export function merge(into: Report, r: Report): Report {
  into.rows.push(...r.rows);
  into.figures.push(...r.figures);
  return into;
}
