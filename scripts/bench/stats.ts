// Small numeric and formatting helpers shared by the benchmark modules.

// Nearest-rank percentile (p in 0..100) of an unsorted sample.
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : "n/a");
export const perSec = (v: number) => `${Math.round(v)} req/s`;
export const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

export type Verdict = "PASS" | "MISS" | "info" | "n/a";
export type Row = { metric: string; measured: string; target: string; result: Verdict };

export const verdict = (ok: boolean): Verdict => (ok ? "PASS" : "MISS");

export function printTable(title: string, rows: Row[]): void {
  const head: Row = { metric: "Metric", measured: "Measured", target: "Target", result: "Result" as Verdict };
  const all = [head, ...rows];
  const w = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const widths = { metric: w("metric"), measured: w("measured"), target: w("target"), result: w("result") };
  const line = (r: Row) =>
    `| ${r.metric.padEnd(widths.metric)} | ${r.measured.padEnd(widths.measured)} | ${r.target.padEnd(widths.target)} | ${r.result.padEnd(widths.result)} |`;
  const rule = `|${"-".repeat(widths.metric + 2)}|${"-".repeat(widths.measured + 2)}|${"-".repeat(widths.target + 2)}|${"-".repeat(widths.result + 2)}|`;
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(rule);
  for (const r of rows) console.log(line(r));
}
