// `npm run bench`: a benchmark, not a test. Measures grading capacity and latency, the large-
// account pages, the scheduler wrapper and first-load JavaScript; prints a table per database
// engine with each target marked PASS or MISS, and exits 0 either way.
//   UNKNOT_BENCH_PG_URL  also run 1-3 on PostgreSQL (a database "unknot_bench" is recreated there)
//   UNKNOT_BENCH_PORT    first port to serve on (default 3400; PostgreSQL uses the next one)
//   UNKNOT_DIST_DIR      build directory (default .next)
import os from "node:os";
import path from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { ensureBuilt, distDir, ROOT } from "../tests/e2e/server";
import { getLessons } from "../lib/content/load";
import { benchEngine, postgresUrl, sqliteUrl, type EngineResult } from "./bench/engine";
import { benchScheduler, type SchedulerResult } from "./bench/scheduler";
import { firstLoadJs, type FirstLoadJs, type PageTiming } from "./bench/pages";
import { budgetVerdict } from "./bench/js-budget";
import { cardsResults, cardsRows } from "./bench/cards-page";
import type { LoadResult } from "./bench/cannon";
import { kB, mib, ms, perSec, printTable, secs, verdict, type Row } from "./bench/stats";

const log = (s: string) => console.log(`[bench] ${s}`);
const errs = (r: LoadResult) => `${r.errors}${r.errors ? ` (${Object.entries(r.statuses).filter(([s]) => !s.startsWith("2")).map(([s, n]) => `${s}×${n}`).join(", ") || "socket"})` : ""}`;
const lat = (r: LoadResult) => `${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)}`;

function pageRow(name: string, p: PageTiming): Row {
  if ("unavailable" in p) return { metric: `${name} p50 / p95 (heavy user)`, measured: `not available (HTTP ${p.status})`, target: "p95 < 150 ms", result: "n/a" };
  return { metric: `${name} p50 / p95 (heavy user)`, measured: `${ms(p.p50)} / ${ms(p.p95)}`, target: "p95 < 150 ms", result: verdict(p.p95 < 150) };
}

// 5 statements plus BEGIN and COMMIT; the optimizer's once-a-minute sweep adds a few
// statements to a run, hence the rounding.
const statementsOk = (r: EngineResult) => Math.round(r.statementsPerGrade * 10) / 10 <= 7;

function engineRows(r: EngineResult): Row[] {
  const ratio = r.capacity.reqPerSec / r.floor.reqPerSec;
  return [
    { metric: "1. floor: GET /api/ping, 32 conn × 20 s", measured: perSec(r.floor.reqPerSec), target: "", result: "info" },
    { metric: "   floor latency p50 / p95 / p99", measured: lat(r.floor), target: "", result: "info" },
    { metric: "   floor errors", measured: errs(r.floor), target: "", result: "info" },
    { metric: "1. capacity: POST /api/review/grade, 32 conn × 20 s", measured: perSec(r.capacity.reqPerSec), target: "", result: "info" },
    { metric: "   capacity latency p50 / p95 / p99", measured: lat(r.capacity), target: "", result: "info" },
    { metric: "   capacity errors (non-2xx + socket)", measured: errs(r.capacity), target: "0", result: verdict(r.capacity.errors === 0) },
    { metric: "   capacity / floor", measured: `${ratio.toFixed(2)}×`, target: "≥ 0.50×", result: verdict(ratio >= 0.5) },
    { metric: "   peak server RSS during capacity run", measured: mib(r.capacityRssKb), target: "< 400 MiB", result: verdict(r.capacityRssKb / 1024 < 400) },
    { metric: "   CPU per grade (server CPU time / grades)", measured: ms(r.cpuPerGradeMs), target: "≤ 3 ms", result: verdict(r.cpuPerGradeMs <= 3) },
    { metric: "   statements per grade (all SQL, BEGIN/COMMIT included)", measured: r.statementsPerGrade.toFixed(2), target: "≤ 5 + BEGIN/COMMIT", result: verdict(statementsOk(r)) },
    ...(r.twoProcess
      ? [{ metric: "1. capacity over two `next start` processes", measured: `${perSec(r.twoProcess.reqPerSec)}, ${r.twoProcess.errors} errors (${(r.twoProcess.reqPerSec / r.capacity.reqPerSec).toFixed(2)}× one)`, target: "", result: "info" as const }]
      : []),
    { metric: "2. steady 50 grades/s × 20 s: p50 / p95 / p99", measured: lat(r.steady), target: "p95 < 30 ms", result: verdict(r.steady.p95 < 30) },
    { metric: "   steady: achieved rate, errors", measured: `${perSec(r.steady.reqPerSec)}, ${errs(r.steady)}`, target: "0 errors", result: verdict(r.steady.errors === 0) },
    { metric: "3. seeding 1,000,000 logs (heavy: 10,000 cards, 100,000 logs)", measured: `${(r.seedMs / 1000).toFixed(1)} s`, target: "", result: "info" },
    pageRow("3. GET /review", r.review),
    pageRow("3. GET /progress", r.progress),
    ...cardsRows(r.cards),
  ];
}

function generalRows(s: SchedulerResult, js: { path: string; r: FirstLoadJs }[]): Row[] {
  return [
    { metric: `4. scheduling, bare ts-fsrs (${s.grades.toLocaleString("en")} grades, best of 3)`, measured: `${Math.round(s.bare).toLocaleString("en")} grades/s`, target: "", result: "info" },
    { metric: "4. scheduling, our wrapper", measured: `${Math.round(s.wrapper).toLocaleString("en")} grades/s`, target: "", result: "info" },
    { metric: "4. wrapper / bare", measured: `${(s.ratio * 100).toFixed(0)}%`, target: "≥ 90%", result: verdict(s.ratio >= 0.9) },
    ...js.map(({ path, r }): Row =>
      r.status === 200
        ? { metric: `5. first-load JS ${path} (gzip)`, measured: `${kB(r.gzipBytes)} in ${r.scripts} scripts`, ...budgetVerdict(path, r) }
        : { metric: `5. first-load JS ${path}`, measured: `not available (HTTP ${r.status})`, target: "", result: "n/a" },
    ),
  ];
}

// data/bench/results.json: one entry per figure, for machines (CI, comparisons between runs).
type Result = { measure: string; value: number; unit: string; target: string | null; pass: boolean | null };

function engineResults(r: EngineResult): Result[] {
  const e = r.engine;
  const ratio = r.capacity.reqPerSec / r.floor.reqPerSec;
  const page = (p: PageTiming) => ("unavailable" in p ? NaN : p.p95);
  const out: Result[] = [
    { measure: `${e}: floor GET /api/ping`, value: r.floor.reqPerSec, unit: "req/s", target: null, pass: null },
    { measure: `${e}: grading capacity`, value: r.capacity.reqPerSec, unit: "req/s", target: null, pass: null },
    { measure: `${e}: grading capacity / floor`, value: ratio, unit: "ratio", target: ">= 0.5", pass: ratio >= 0.5 },
    { measure: `${e}: grading capacity errors`, value: r.capacity.errors, unit: "count", target: "0", pass: r.capacity.errors === 0 },
    { measure: `${e}: peak server RSS`, value: r.capacityRssKb / 1024, unit: "MiB", target: "< 400", pass: r.capacityRssKb / 1024 < 400 },
    { measure: `${e}: CPU per grade`, value: r.cpuPerGradeMs, unit: "ms", target: "<= 3", pass: r.cpuPerGradeMs <= 3 },
    { measure: `${e}: statements per grade`, value: r.statementsPerGrade, unit: "statements", target: "<= 5 + BEGIN/COMMIT", pass: statementsOk(r) },
    { measure: `${e}: p95 at 50 grades/s`, value: r.steady.p95, unit: "ms", target: "< 30", pass: r.steady.p95 < 30 },
    { measure: `${e}: steady errors`, value: r.steady.errors, unit: "count", target: "0", pass: r.steady.errors === 0 },
    { measure: `${e}: /review p95 heavy user`, value: page(r.review), unit: "ms", target: "< 150", pass: page(r.review) < 150 },
    { measure: `${e}: /progress p95 heavy user`, value: page(r.progress), unit: "ms", target: "< 150", pass: page(r.progress) < 150 },
  ];
  out.push(...cardsResults(e, r.cards));
  if (r.twoProcess) out.push({ measure: `${e}: grading capacity, two processes`, value: r.twoProcess.reqPerSec, unit: "req/s", target: null, pass: null });
  return out;
}

function generalResults(s: SchedulerResult, js: { path: string; r: FirstLoadJs }[]): Result[] {
  return [
    { measure: "scheduling wrapper / bare ts-fsrs", value: s.ratio, unit: "ratio", target: ">= 0.9", pass: s.ratio >= 0.9 },
    ...js.filter((j) => j.r.status === 200).map((j): Result => ({ measure: `first-load JS ${j.path} (gzip)`, value: j.r.gzipBytes / 1000, unit: "kB", target: null, pass: null })),
  ];
}

function writeResults(results: Result[]): void {
  const file = path.join(ROOT, "data/bench/results.json");
  mkdirSync(path.dirname(file), { recursive: true });
  const clean = results.map((r) => ({ ...r, value: Number.isFinite(r.value) ? Number(r.value.toFixed(3)) : null }));
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, loadAverage: os.loadavg(), results: clean }, null, 2) + "\n");
  log(`figures written to ${path.relative(ROOT, file)}`);
}

async function main() {
  const t0 = performance.now();
  const cpus = os.cpus();
  console.log(`machine: ${cpus.length} cores (${cpus[0]?.model ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}`);
  const loadAvg = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`load average before the run (other processes share these cores): ${loadAvg()}`);
  const port = Number(process.env.UNKNOT_BENCH_PORT ?? 3400);
  const pgAdmin = process.env.UNKNOT_BENCH_PG_URL;

  log(`production build in ${distDir()} (built only if the sources changed)`);
  ensureBuilt();

  log("4. scheduling: wrapper vs bare ts-fsrs");
  const sched = benchScheduler();

  const js: { path: string; r: FirstLoadJs }[] = [];
  const sqlite = await benchEngine("SQLite", await sqliteUrl(), port);
  try {
    const lesson = getLessons()[0];
    js.push({ path: "/review", r: await firstLoadJs(sqlite.server.url, "/review", sqlite.heavyCookie) });
    if (lesson) js.push({ path: `/learn/${lesson.slug}`, r: await firstLoadJs(sqlite.server.url, `/learn/${lesson.slug}`, sqlite.heavyCookie) });
  } finally {
    await sqlite.server.stop();
  }
  // Printed as soon as each part is done, so a failure later does not lose earlier figures.
  printTable("== Engine-independent ==", generalRows(sched, js));
  printTable(`== ${sqlite.engine} ==`, engineRows(sqlite));
  const results = [...generalResults(sched, js), ...engineResults(sqlite)];
  writeResults(results);
  if (pgAdmin) {
    const pgRes = await benchEngine("PostgreSQL", await postgresUrl(pgAdmin), port + 1, true);
    await pgRes.server.stop();
    printTable(`== ${pgRes.engine} ==`, engineRows(pgRes));
    writeResults([...results, ...engineResults(pgRes)]);
  }

  console.log(`\nload average at the end (1/5/15 min): ${loadAvg()}`);
  if (!pgAdmin) console.log("\n(PostgreSQL skipped: set UNKNOT_BENCH_PG_URL to a server URL whose role can CREATEDB.)");
  console.log(`\nHow to reproduce: [UNKNOT_BENCH_PG_URL=postgresql://user:pass@127.0.0.1:5432/db] npm run bench   (total ${secs(t0)})`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
