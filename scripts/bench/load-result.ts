import { percentile } from "./stats";

// What a load run answered: its rate, latencies and statuses.
export type LoadResult = {
  reqPerSec: number;
  ok: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
  latencies: number[];
};

// Runs' results as one: of runs made side by side (their rates add up), or one after another
// (the requests over the time they took together).
export function combined(parts: LoadResult[], how: "together" | "in turn"): LoadResult {
  const latencies = parts.flatMap((p) => p.latencies);
  const statuses: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const sum = (f: (p: LoadResult) => number) => parts.reduce((t, p) => t + f(p), 0);
  const seconds = how === "together" ? Math.max(0, ...parts.map((p) => p.seconds)) : sum((p) => p.seconds);
  return {
    reqPerSec: how === "together" ? sum((p) => p.reqPerSec) : seconds > 0 ? sum((p) => p.ok) / seconds : 0,
    ok: sum((p) => p.ok),
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: sum((p) => p.errors),
    statuses,
    latencies,
  };
}
