// Duck-typed, because the SQLite and PostgreSQL clients each have their own error classes.
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
