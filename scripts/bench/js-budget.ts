import type { FirstLoadJs } from "./pages";
import type { Verdict } from "./stats";

// First-load JavaScript budgets (gzip): a lesson page must stay light enough for a weak
// phone signal; /review carries the session logic.
const JS_BUDGET_KB: { match: (path: string) => boolean; kB: number }[] = [
  { match: (p) => p === "/review", kB: 150 },
  { match: (p) => /^\/learn\/[^/]+$/.test(p), kB: 130 },
];

export function budgetFor(path: string): number | null {
  return JS_BUDGET_KB.find((b) => b.match(path))?.kB ?? null;
}

export function budgetVerdict(path: string, r: FirstLoadJs): { target: string; result: Verdict } {
  const kB = budgetFor(path);
  if (kB === null) return { target: "", result: "info" };
  return { target: `≤ ${kB} kB`, result: r.gzipBytes / 1000 <= kB ? "PASS" : "MISS" };
}
