import type { BooleanColumn, DateColumn } from "./row-types";

// Driver values to typed fields: SQLite returns ISO text, 0/1 and numbers; PostgreSQL Dates,
// booleans and (for COUNT) bigint strings. Kysely's rows are mapped by column name below;
// the few values read outside Kysely (pg results in tests, bool in queue.ts) through these.
export const num = (v: unknown): number => (v == null ? 0 : Number(v));
export const bool = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === 1n;
export const str = (v: unknown): string => String(v);

// Every DateTime and Boolean column of the schema, checked against the generated types: the
// compiler fails if one is not of that type, and tests/unit/row-types.test.ts if one is missing.
export const DATE_COLUMNS = [
  "addedAt",
  "at",
  "buriedUntil",
  "createdAt",
  "due",
  "finishedAt",
  "lastReview",
  "nextDue",
  "prevDue",
  "prevLastReview",
  "readAt",
  "retiredAt",
  "review",
  "sentAt",
  "suspendedAt",
  "undoneAt",
  "updatedAt",
] as const satisfies readonly DateColumn[];
export const BOOLEAN_COLUMNS = [
  "badDay",
  "enableFuzz",
  "flare",
  "leech",
  "loadBalance",
  "quickRelief",
  "safety",
  "success",
  "twoButtonGrading",
] as const satisfies readonly BooleanColumn[];
const dateColumns: ReadonlySet<string> = new Set(DATE_COLUMNS);
const booleanColumns: ReadonlySet<string> = new Set(BOOLEAN_COLUMNS);

// SQLite rows as the domain types say (lib/db/row-types.ts): ISO text to Date, 0/1 to boolean,
// by column name (a query's alias counts: name a computed date after a date column, or
// nothing else after one). In place: better-sqlite3 makes a fresh object per row. The rows
// of one statement all have the same columns, so the date and boolean ones are picked once,
// from the first row (a grade's read returns dozens of rows of some thirty columns).
export function sqliteRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  if (rows.length === 0) return rows;
  const keys = Object.keys(rows[0]!);
  const dates = keys.filter((k) => dateColumns.has(k));
  const booleans = keys.filter((k) => booleanColumns.has(k));
  for (const row of rows) {
    for (const k of dates) {
      const v = row[k];
      if (v != null) row[k] = new Date(v as string);
    }
    for (const k of booleans) {
      const v = row[k];
      if (v != null) row[k] = v === 1 || v === 1n || v === true;
    }
  }
  return rows;
}
