// The latest bench run as a Markdown table, for docs/benchmark.md (`npm run bench:docs`).
// Pure: it turns the contents of data/bench/results.json into the text between the markers.

export type BenchFigure = { measure: string; value: number | null; unit: string; target: string | null; pass: boolean | null };
export type BenchResults = { at: string; cores: number; loadAverage: number[]; only: string[] | null; results: BenchFigure[] };

export const START_MARKER = "<!-- bench-results:start -->";
export const END_MARKER = "<!-- bench-results:end -->";

const number = (v: number) => (Number.isInteger(v) || Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en") : String(Number(v.toPrecision(4))));

function valueText(f: BenchFigure): string {
  if (f.value === null) return "not measured";
  if (f.unit === "ratio") return `${number(f.value)}×`;
  if (f.unit === "count" || f.unit === "statements" || f.unit === "score") return number(f.value);
  return `${number(f.value)} ${f.unit}`;
}

const resultText = (pass: boolean | null) => (pass === null ? "" : pass ? "met" : "**missed**");
const cell = (s: string) => s.replace(/\|/g, "\\|");

export function resultsTable(r: BenchResults): string {
  const load = r.loadAverage.map((l) => l.toFixed(2)).join(" / ");
  const scope = r.only ? `measures ${r.only.join(", ")} only` : "every measure";
  const lines = [
    `Run of ${r.at.slice(0, 16).replace("T", " ")} UTC on ${r.cores} cores (${scope}; load average at the end ${load}), from \`data/bench/results.json\`:`,
    "",
    "| measure | value | target | result |",
    "| --- | --- | --- | --- |",
    ...r.results.map((f) => `| ${cell(f.measure)} | ${valueText(f)} | ${cell(f.target ?? "")} | ${resultText(f.pass)} |`),
  ];
  return lines.join("\n");
}

// Replaces what lies between the markers, keeping everything else of the page.
export function withResults(page: string, table: string): string {
  const start = page.indexOf(START_MARKER);
  const end = page.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`the page has no ${START_MARKER} … ${END_MARKER} section`);
  return `${page.slice(0, start + START_MARKER.length)}\n\n${table}\n\n${page.slice(end)}`;
}
