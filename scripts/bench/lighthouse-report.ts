import type { Figure, Report } from "./report";
import { kB, type Row } from "./stats";

// Lighthouse's figures for one page, and the median of several runs as rows and figures with
// the targets of issue 26: a text page on a cheap phone over a weak signal scores like a static site.

export type PageScores = { performance: number; lcpMs: number; tbtMs: number; cls: number; accessibility: number; bestPractices: number };
export type Download = { urls: number; bytes: number; gzipBytes: number };
// The worker's install (the shell) and the pages it fetches afterwards (lib/pwa/precache-plan.ts).
export type Precache = Download & { later: Download };

const middle = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (!n) return NaN;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
};

// Each figure's own median over the runs (so the median LCP and the median TBT may come from
// different runs, as Lighthouse's own guidance on variability does).
export function median(runs: PageScores[]): PageScores {
  const of = (k: keyof PageScores) => middle(runs.map((r) => r[k]));
  return {
    performance: of("performance"),
    lcpMs: of("lcpMs"),
    tbtMs: of("tbtMs"),
    cls: of("cls"),
    accessibility: of("accessibility"),
    bestPractices: of("bestPractices"),
  };
}

type Target = { key: keyof PageScores; label: string; unit: string; target: string; pass: (v: number) => boolean; text: (v: number) => string };

export const LIGHTHOUSE_TARGETS: Target[] = [
  { key: "performance", label: "performance", unit: "score", target: ">= 0.95", pass: (v) => v >= 0.95, text: (v) => v.toFixed(2) },
  { key: "lcpMs", label: "LCP", unit: "ms", target: "<= 1800 ms", pass: (v) => v <= 1800, text: (v) => `${(v / 1000).toFixed(2)} s` },
  { key: "tbtMs", label: "TBT", unit: "ms", target: "<= 150 ms", pass: (v) => v <= 150, text: (v) => `${Math.round(v)} ms` },
  { key: "cls", label: "CLS", unit: "score", target: "< 0.01", pass: (v) => v < 0.01, text: (v) => v.toFixed(3) },
  { key: "accessibility", label: "accessibility", unit: "score", target: "= 1", pass: (v) => v >= 1, text: (v) => v.toFixed(2) },
  { key: "bestPractices", label: "best practices", unit: "score", target: "= 1", pass: (v) => v >= 1, text: (v) => v.toFixed(2) },
];

const pageName = (path: string, signedIn: boolean) => `${path} ${signedIn ? "signed in" : "signed out"}`;

export function lighthouseReport(pages: { path: string; signedIn: boolean; scores: PageScores }[], runs: number): Report {
  const rows: Row[] = [];
  const figures: Figure[] = [];
  for (const p of pages) {
    const name = pageName(p.path, p.signedIn);
    const missed = LIGHTHOUSE_TARGETS.filter((t) => !t.pass(p.scores[t.key])).map((t) => t.label);
    rows.push({
      metric: `6. Lighthouse mobile ${name} (median of ${runs})`,
      measured: LIGHTHOUSE_TARGETS.map((t) => `${t.label} ${t.text(p.scores[t.key])}`).join(", "),
      target: "perf ≥ 0.95, LCP ≤ 1.8 s, TBT ≤ 150 ms, CLS < 0.01, a11y and BP 1.0",
      result: missed.length ? "MISS" : "PASS",
    });
    for (const t of LIGHTHOUSE_TARGETS) {
      const value = p.scores[t.key];
      figures.push({
        measure: `Lighthouse mobile ${name}: ${t.label}`,
        value,
        unit: t.unit,
        target: t.target,
        pass: Number.isFinite(value) ? t.pass(value) : false,
      });
    }
  }
  return { rows, figures };
}

export function precacheReport(p: Precache): Report {
  const rows: Row[] = [
    {
      metric: "6. service worker precache: the shell (fetched when the page is idle)",
      measured: `${p.urls} URLs, ${kB(p.bytes)} (${kB(p.gzipBytes)} gzip)`,
      target: "",
      result: "info",
    },
    {
      metric: "6. service worker: pages saved for offline after the shell, one at a time",
      measured: `${p.later.urls} URLs, ${kB(p.later.bytes)} (${kB(p.later.gzipBytes)} gzip)`,
      target: "",
      result: "info",
    },
  ];
  return {
    rows,
    figures: [
      { measure: "service worker precache: URLs", value: p.urls, unit: "count", target: null, pass: null },
      { measure: "service worker precache: size (gzip)", value: p.gzipBytes / 1000, unit: "kB", target: null, pass: null },
      { measure: "service worker pages saved later: URLs", value: p.later.urls, unit: "count", target: null, pass: null },
      { measure: "service worker pages saved later: size (gzip)", value: p.later.gzipBytes / 1000, unit: "kB", target: null, pass: null },
    ],
  };
}

// The URLs the built service worker precaches (the shell injected into its source).
export function precacheUrls(swSource: string): string[] {
  return [...new Set([...swSource.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]!))];
}

// The pages it fetches after the shell, from the plan scripts/build.ts writes beside it.
export function laterUrls(planJson: string): string[] {
  const plan = JSON.parse(planJson) as { later?: unknown };
  return Array.isArray(plan.later) ? plan.later.filter((u): u is string => typeof u === "string") : [];
}
