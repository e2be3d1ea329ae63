// `npm run bench`: a benchmark, not a test. Measures grading capacity and latency, the large-
// account pages, the scheduler wrapper and first-load JavaScript; prints a table per database
// engine with each target marked PASS or MISS, and exits 0 either way.
//   --only a,b           run only these measures (grading, steady, two-process, pages, scheduler, js, lighthouse)
//   UNKNOT_BENCH_PG_URL  also run the database measures on PostgreSQL (a database "unknot_bench" is recreated there)
//   UNKNOT_BENCH_PORT    first port to serve on (default 3400; PostgreSQL uses the next one, Lighthouse the one after)
//   UNKNOT_DIST_DIR      build directory (default .next)
import { benchEnv } from "../lib/env";
import os from "node:os";
import path from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { ensureBuilt, distDir, ROOT } from "./shared/server";
import { getLessons } from "../lib/content/load";
import { benchEngine, postgresUrl, sqliteUrl } from "./bench/engine";
import { benchScheduler, type SchedulerResult } from "./bench/scheduler";
import { firstLoadJs, type FirstLoadJs } from "./bench/pages";
import { benchLighthouse } from "./bench/lighthouse";
import { budgetCheck } from "./bench/js-budget";
import { ENGINE_MEASURES, GENERAL_MEASURES } from "./bench/measures";
import { emptyReport, type Figure, type Report } from "./bench/report";
import { kB, printTable, secs, verdict } from "./bench/stats";

const log = (s: string) => console.log(`[bench] ${s}`);

function schedulerReport(s: SchedulerResult): Report {
  return {
    rows: [
      {
        metric: `4. scheduling, bare ts-fsrs (${s.grades.toLocaleString("en")} grades, best of 3)`,
        measured: `${Math.round(s.bare).toLocaleString("en")} grades/s`,
        target: "",
        result: "info",
      },
      { metric: "4. scheduling, our wrapper", measured: `${Math.round(s.wrapper).toLocaleString("en")} grades/s`, target: "", result: "info" },
      { metric: "4. wrapper / bare", measured: `${(s.ratio * 100).toFixed(0)}%`, target: "≥ 90%", result: verdict(s.ratio >= 0.9) },
      {
        metric: `4. scheduling with even days (window from ${(1000).toLocaleString("en")} cards per grade)`,
        measured: `${Math.round(s.balanced).toLocaleString("en")} grades/s, +${s.balancedCostUs.toFixed(1)} µs a grade`,
        target: "",
        result: "info",
      },
    ],
    figures: [
      { measure: "scheduling wrapper / bare ts-fsrs", value: s.ratio, unit: "ratio", target: ">= 0.9", pass: s.ratio >= 0.9 },
      { measure: "even days: added cost per grade (1,000-card deck)", value: s.balancedCostUs, unit: "µs", target: null, pass: null },
    ],
  };
}

function jsReport(js: { path: string; r: FirstLoadJs }[]): Report {
  const report = emptyReport();
  for (const { path, r } of js) {
    if (r.status !== 200) {
      report.rows.push({ metric: `5. first-load JS ${path}`, measured: `not available (HTTP ${r.status})`, target: "", result: "n/a" });
      continue;
    }
    const budget = budgetCheck(path, r.sentBytes);
    report.rows.push({
      metric: `5. first-load JS ${path} (sent)`,
      measured: `${kB(r.sentBytes)} in ${r.scripts} scripts (${kB(r.gzipBytes)} gzip)`,
      target: budget ? `≤ ${budget.kB} kB` : "",
      result: budget ? verdict(budget.pass) : "info",
    });
    report.figures.push(
      { measure: `first-load JS ${path} (sent)`, value: r.sentBytes / 1000, unit: "kB", target: budget ? `<= ${budget.kB}` : null, pass: budget?.pass ?? null },
      { measure: `first-load JS ${path} (gzip)`, value: r.gzipBytes / 1000, unit: "kB", target: null, pass: null },
    );
  }
  return report;
}

// data/bench/results.json: one entry per figure, for machines (CI, comparisons between runs).
function writeResults(figures: Figure[], only: string[] | null): void {
  const file = path.join(ROOT, "data/bench/results.json");
  mkdirSync(path.dirname(file), { recursive: true });
  const clean = figures.map((r) => ({ ...r, value: Number.isFinite(r.value) ? Number(r.value.toFixed(3)) : null }));
  writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, loadAverage: os.loadavg(), only, results: clean }, null, 2) + "\n",
  );
  log(`figures written to ${path.relative(ROOT, file)}`);
}

function chosenMeasures(): string[] | null {
  const i = process.argv.indexOf("--only");
  if (i < 0) return null;
  const names = (process.argv[i + 1] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const known = [...ENGINE_MEASURES.map((m) => m.name), ...GENERAL_MEASURES];
  const unknown = names.filter((n) => !known.includes(n));
  if (!names.length || unknown.length)
    throw new Error(`--only takes a comma-separated list of: ${known.join(", ")}${unknown.length ? ` (unknown: ${unknown.join(", ")})` : ""}`);
  return names;
}

async function main() {
  const t0 = performance.now();
  const only = chosenMeasures();
  const wants = (name: string) => !only || only.includes(name);
  const measures = ENGINE_MEASURES.filter((m) => wants(m.name));
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} cores (${cpus[0]?.model ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  const loadAvg = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  console.log(`load average before the run (other processes share these cores): ${loadAvg()}`);
  if (only) console.log(`measures: ${only.join(", ")}`);
  const { UNKNOT_BENCH_PORT: port, UNKNOT_BENCH_PG_URL: pgAdmin } = benchEnv();
  const figures: Figure[] = [];
  // Printed as soon as each part is done, so a failure later does not lose earlier figures.
  const show = (title: string, r: Report) => {
    if (!r.rows.length) return;
    printTable(title, r.rows);
    figures.push(...r.figures);
    writeResults(figures, only);
  };

  const general: Report = { rows: [], figures: [] };
  if (wants("scheduler")) {
    log("4. scheduling: wrapper vs bare ts-fsrs");
    const r = schedulerReport(benchScheduler());
    general.rows.push(...r.rows);
    general.figures.push(...r.figures);
  }
  if (measures.length || wants("js")) {
    log(`production build in ${distDir()} (built only if the sources changed)`);
    ensureBuilt();
    const sqlite = await benchEngine("SQLite", await sqliteUrl(), port, measures);
    try {
      if (wants("js")) {
        const cookie = sqlite.cookie;
        const js: { path: string; r: FirstLoadJs }[] = [];
        const lesson = getLessons()[0];
        js.push({ path: "/review", r: await firstLoadJs(sqlite.server.url, "/review", cookie) });
        if (lesson) js.push({ path: `/learn/${lesson.slug}`, r: await firstLoadJs(sqlite.server.url, `/learn/${lesson.slug}`, cookie) });
        const r = jsReport(js);
        general.rows.push(...r.rows);
        general.figures.push(...r.figures);
      }
    } finally {
      await sqlite.server.stop();
    }
    show("== Engine-independent ==", general);
    show(`== ${sqlite.engine} ==`, sqlite.report);
    if (pgAdmin && measures.length) {
      const pgRun = await benchEngine("PostgreSQL", await postgresUrl(pgAdmin), port + 1, measures);
      await pgRun.server.stop();
      show(`== ${pgRun.engine} ==`, pgRun.report);
    }
  } else {
    show("== Engine-independent ==", general);
  }
  if (wants("lighthouse")) {
    log("6. Lighthouse, mobile profile, on the production build");
    ensureBuilt();
    show("== Lighthouse (mobile: simulated slow 4G, 4x slower CPU) ==", await benchLighthouse(port + 2));
  }

  console.log(`\nload average at the end (1/5/15 min): ${loadAvg()}`);
  if (!pgAdmin) console.log("\n(PostgreSQL skipped: set UNKNOT_BENCH_PG_URL to a server URL whose role can CREATEDB.)");
  console.log(
    `\nHow to reproduce: [UNKNOT_BENCH_PG_URL=postgresql://user:pass@127.0.0.1:5432/db] npm run bench [-- --only grading,steady]   (total ${secs(t0)})`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
