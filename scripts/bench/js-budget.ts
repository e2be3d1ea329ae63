// First-load JavaScript budgets, in the bytes the server sends (Brotli, which every current
// browser accepts): a lesson page must stay light enough for a weak phone signal; /review
// carries the session logic.
const JS_BUDGET_KB: { match: (path: string) => boolean; kB: number }[] = [
  { match: (p) => p === "/review", kB: 150 },
  { match: (p) => /^\/learn\/[^/]+$/.test(p), kB: 130 },
];

export function budgetFor(path: string): number | null {
  return JS_BUDGET_KB.find((b) => b.match(path))?.kB ?? null;
}

// The budget a page's first-load JavaScript is held to, and whether it keeps to it; null for a
// page without one. The printed table and results.json both read it.
export function budgetCheck(path: string, sentBytes: number): { kB: number; pass: boolean } | null {
  const kB = budgetFor(path);
  return kB === null ? null : { kB, pass: sentBytes / 1000 <= kB };
}
