import type { Report } from "./report";
import { ms } from "./stats";

// Where the machine's CPU went during the capacity runs, reported without targets: how busy the
// machine was (all cores; what the load generator and every other process used is in it), and on
// PostgreSQL what the database server's local processes spent per grade (null when none runs on
// this machine). A capacity run that leaves the machine partly idle is bound by waiting, not by CPU.
export function cpuShare(engine: string, busy: number, databaseMsPerGrade: number | null): Report {
  const report: Report = {
    rows: [
      {
        metric: "   machine busy during the capacity runs (all cores)",
        measured: Number.isFinite(busy) ? `${(busy * 100).toFixed(0)}%` : "n/a",
        target: "",
        result: "info",
      },
    ],
    figures: [{ measure: `${engine}: machine busy during grading capacity`, value: busy * 100, unit: "%", target: null, pass: null }],
  };
  if (databaseMsPerGrade !== null) {
    report.rows.push({ metric: "   database server CPU per grade (local processes)", measured: ms(databaseMsPerGrade), target: "", result: "info" });
    report.figures.push({ measure: `${engine}: database server CPU per grade`, value: databaseMsPerGrade, unit: "ms", target: null, pass: null });
  }
  return report;
}
