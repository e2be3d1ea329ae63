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

// A SQLite row as the domain types say (lib/db/row-types.ts): ISO text to Date, 0/1 to boolean,
// by column name (a query's alias counts: name a computed date after a date column, or
// nothing else after one). In place: better-sqlite3 makes a fresh object per row.
export function sqliteRow(row: Record<string, unknown>): Record<string, unknown> {
  for (const k in row) {
    const v = row[k];
    if (v == null) continue;
    if (dateColumns.has(k)) row[k] = new Date(v as string);
    else if (booleanColumns.has(k)) row[k] = v === 1 || v === 1n || v === true;
  }
  return row;
}
