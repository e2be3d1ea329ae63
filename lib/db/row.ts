// Driver values to typed fields: SQLite returns ISO text, 0/1 and numbers; PostgreSQL Dates,
// booleans and (for COUNT) bigint strings. Every raw row passes through these.
export const num = (v: unknown): number => (v == null ? 0 : Number(v));
export const date = (v: unknown): Date => (v instanceof Date ? v : new Date(typeof v === "string" ? v : Number(v)));
export const dateOrNull = (v: unknown): Date | null => (v == null ? null : date(v));
export const bool = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === 1n;
export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v == null ? null : String(v));
