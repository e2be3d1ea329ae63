import type { Report } from "./report";
import { ms, verdict } from "./stats";

// The CPU target, in pings: the server's CPU time per grade over its CPU time per GET /api/ping
// (the session check alone) in the same run. A ratio of two figures from one machine holds on a
// slower or busier machine, where the absolute milliseconds do not; those stay reported.
export const CPU_PINGS_TARGET = 2;

export function cpuInPings(engine: string, cpuPerGradeMs: number, cpuPerPingMs: number): Report {
  const pings = cpuPerPingMs > 0 ? cpuPerGradeMs / cpuPerPingMs : NaN;
  const ok = pings <= CPU_PINGS_TARGET;
  return {
    rows: [
      { metric: "   CPU per grade (server CPU time / grades)", measured: ms(cpuPerGradeMs), target: "", result: "info" },
      {
        metric: "   CPU per grade in pings (CPU per grade / CPU per ping)",
        measured: Number.isFinite(pings) ? pings.toFixed(2) : "n/a",
        target: `≤ ${CPU_PINGS_TARGET}`,
        result: verdict(ok),
      },
    ],
    figures: [
      { measure: `${engine}: CPU per grade`, value: cpuPerGradeMs, unit: "ms", target: null, pass: null },
      // NaN (no ping measured) is written to results.json as null: "not measured".
      { measure: `${engine}: CPU per grade in pings`, value: pings, unit: "pings", target: `<= ${CPU_PINGS_TARGET}`, pass: ok },
    ],
  };
}
