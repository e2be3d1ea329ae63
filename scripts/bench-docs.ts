// `npm run bench:docs`: writes the latest bench run (data/bench/results.json, written by
// `npm run bench`) into docs/benchmark.md as one table, between its markers, formatted as
// `npm run lint` expects. Takes another results file as its argument.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { resultsTable, withResults, type BenchResults } from "./bench/results-table";

const ROOT = path.resolve(import.meta.dirname, "..");
const source = path.resolve(process.argv[2] ?? path.join(ROOT, "data/bench/results.json"));
const page = path.join(ROOT, "docs/benchmark.md");

if (!existsSync(source)) {
  console.error(`${path.relative(ROOT, source)} does not exist: run \`npm run bench\` first.`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(source, "utf8")) as BenchResults;
const text = withResults(readFileSync(page, "utf8"), resultsTable(results));
writeFileSync(page, await format(text, { ...(await resolveConfig(page)), filepath: page }));
console.log(`docs/benchmark.md: ${results.results.length} figures from the run of ${results.at}`);
