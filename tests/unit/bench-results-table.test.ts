import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { END_MARKER, resultsTable, START_MARKER, withResults, type BenchResults } from "../../scripts/bench/results-table";

const run: BenchResults = {
  at: "2026-12-05T10:00:00.000Z",
  cores: 2,
  loadAverage: [0.5, 0.7, 0.9],
  only: null,
  results: [
    { measure: "scheduling wrapper / bare ts-fsrs", value: 1.19, unit: "ratio", target: ">= 0.9", pass: true },
    { measure: "SQLite: grading capacity", value: 531.4, unit: "req/s", target: null, pass: null },
    { measure: "SQLite: CPU per grade", value: 3.25, unit: "ms", target: "<= 3", pass: false },
    { measure: "PostgreSQL: /review p95 heavy user", value: null, unit: "ms", target: "< 50", pass: false },
  ],
};

describe("the benchmark's results table", () => {
  it("gives one row per figure with its value, target and verdict", () => {
    const table = resultsTable(run);
    expect(table).toContain("Run of 2026-12-05 10:00 UTC on 2 cores (every measure; load average at the end 0.50 / 0.70 / 0.90)");
    expect(table).toContain("| scheduling wrapper / bare ts-fsrs | 1.19× | >= 0.9 | met |");
    expect(table).toContain("| SQLite: grading capacity | 531.4 req/s |  |  |");
    expect(table).toContain("| SQLite: CPU per grade | 3.25 ms | <= 3 | **missed** |");
    expect(table).toContain("| PostgreSQL: /review p95 heavy user | not measured | < 50 | **missed** |");
  });

  it("says when a run measured only some of the figures", () => {
    expect(resultsTable({ ...run, only: ["grading", "steady"] })).toContain("(measures grading, steady only;");
  });

  it("replaces only the text between the markers, and refuses a page without them", () => {
    const page = `# Bench\n\nbefore\n\n${START_MARKER}\n\nold table\n\n${END_MARKER}\n\nafter\n`;
    const out = withResults(page, "new table");
    expect(out).toBe(`# Bench\n\nbefore\n\n${START_MARKER}\n\nnew table\n\n${END_MARKER}\n\nafter\n`);
    expect(() => withResults("# Bench\n", "t")).toThrow(/no <!-- bench-results:start -->/);
  });

  it("has its markers in docs/benchmark.md", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/benchmark.md"), "utf8");
    expect(doc.indexOf(START_MARKER)).toBeGreaterThan(0);
    expect(doc.indexOf(END_MARKER)).toBeGreaterThan(doc.indexOf(START_MARKER));
  });
});
