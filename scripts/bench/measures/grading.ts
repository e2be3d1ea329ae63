import { isPostgresUrl } from "../../../lib/db/url";
import { busyShare, commCpuMs, cpuSince, machineCpu, treeCpuMs } from "../cpu";
import { cpuInPings } from "../cpu-pings";
import { cpuShare } from "../cpu-share";
import { RssSampler } from "../rss";
import { DURATION_S, USERS, type EngineContext, type EngineMeasure } from "../context";
import { combined, type LoadResult } from "../load-result";
import { mib, ms, perSec, verdict } from "../stats";
import type { Report } from "../report";

// 1. Grading capacity: 32 signed-in users grade as fast as they can, beside the same load on
// GET /api/ping (the framework's floor: the session check and nothing else). The server's CPU
// time over each run (from /proc) is divided by the requests answered; the CPU target is per
// grade in pings (cpu-pings.ts). The SQL statements it sent (its own counter, read from
// /api/ping) are divided by the grades answered.
// The floor and the capacity are measured in turns: SLICES runs of each, alternately, each a
// SLICES-th of the run's length. A shared virtual machine's speed drifts by tens of per cent
// from one minute to the next; measured one after the other, the floor and the capacity mixed
// that drift into the ratios, while alternating runs see the same machine.
const SLICES = 4;

// Statements per grade: every statement sent, BEGIN and COMMIT included, divided by the grades.
// The target is 5 statements that read or write data (session check and next card included)
// plus BEGIN and COMMIT around the write; the optimizer's once-a-minute sweep adds a few
// statements to a run, hence the rounding.
export const STATEMENTS_TARGET = 7;

export const errs = (r: LoadResult) =>
  `${r.errors}${
    r.errors
      ? ` (${
          Object.entries(r.statuses)
            .filter(([s]) => !s.startsWith("2"))
            .map(([s, n]) => `${s}×${n}`)
            .join(", ") || "socket"
        })`
      : ""
  }`;
export const lat = (r: LoadResult) => `${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)}`;

async function statementCount(ctx: EngineContext): Promise<number> {
  const res = await fetch(`${ctx.server.url}/api/ping`, { headers: { cookie: ctx.bindings[0]!.cookie } });
  return ((await res.json()) as { statements?: number }).statements ?? NaN;
}

export const grading: EngineMeasure = {
  name: "grading",
  async run(ctx): Promise<Report> {
    const e = ctx.engine;
    const pid = ctx.server.proc.pid!;
    await ctx.settle();
    const slice = DURATION_S / SLICES;
    console.log(
      `[bench] ${e}: floor (GET /api/ping) and capacity (POST /api/review/grade), ${USERS} connections, in ${SLICES} alternating runs of ${slice} s each`,
    );
    const rss = new RssSampler(pid);
    const pings: LoadResult[] = [];
    const grades: LoadResult[] = [];
    let pingCpuMs = 0;
    let gradeCpuMs = 0;
    let statements = 0;
    // The machine's CPU over the capacity runs, and on PostgreSQL the local database processes'.
    const machine = { busy: 0, total: 0 };
    const database = isPostgresUrl(ctx.url) ? "postgres" : null;
    let databaseCpuMs: number | null = null;
    for (let i = 0; i < SLICES; i++) {
      let cpu0 = treeCpuMs(pid);
      pings.push(await ctx.load("ping", slice));
      pingCpuMs += treeCpuMs(pid) - cpu0;
      // A grade cut off as the last run stopped may have landed: every card's version read again.
      await ctx.settle();
      const before = await statementCount(ctx);
      cpu0 = treeCpuMs(pid);
      const m0 = machineCpu();
      const db0 = database && commCpuMs(database);
      grades.push(await ctx.load("grade", slice));
      gradeCpuMs += treeCpuMs(pid) - cpu0;
      const spent = cpuSince(m0, machineCpu());
      machine.busy += spent.busy;
      machine.total += spent.total;
      const db1 = database && commCpuMs(database);
      if (db0 != null && db1 != null) databaseCpuMs = (databaseCpuMs ?? 0) + db1 - db0;
      // Less the second ping's own session check.
      statements += (await statementCount(ctx)) - before - 1;
    }
    rss.stop();
    const floor = combined(pings, "in turn");
    const capacity = combined(grades, "in turn");
    const cpuPerPingMs = pingCpuMs / Math.max(1, floor.ok);
    const cpuPerGradeMs = gradeCpuMs / Math.max(1, capacity.ok);
    const statementsPerGrade = statements / Math.max(1, capacity.ok);
    const rssMiB = rss.peakKb / 1024;
    const ratio = capacity.reqPerSec / floor.reqPerSec;
    const cpu = cpuInPings(e, cpuPerGradeMs, cpuPerPingMs);
    const stmtOk = Math.round(statementsPerGrade * 10) / 10 <= STATEMENTS_TARGET;
    const share = cpuShare(e, busyShare(machine), databaseCpuMs === null ? null : databaseCpuMs / Math.max(1, capacity.ok));
    return {
      rows: [
        { metric: `1. floor: GET /api/ping, ${USERS} conn × ${SLICES} × ${slice} s`, measured: perSec(floor.reqPerSec), target: "", result: "info" },
        { metric: "   floor latency p50 / p95 / p99", measured: lat(floor), target: "", result: "info" },
        { metric: "   floor errors; CPU per ping", measured: `${errs(floor)}; ${ms(cpuPerPingMs)}`, target: "", result: "info" },
        {
          metric: `1. capacity: POST /api/review/grade, ${USERS} conn × ${SLICES} × ${slice} s`,
          measured: perSec(capacity.reqPerSec),
          target: "",
          result: "info",
        },
        { metric: "   capacity latency p50 / p95 / p99", measured: lat(capacity), target: "", result: "info" },
        { metric: "   capacity errors (non-2xx + socket)", measured: errs(capacity), target: "0", result: verdict(capacity.errors === 0) },
        { metric: "   capacity / floor", measured: `${ratio.toFixed(2)}×`, target: "≥ 0.50×", result: verdict(ratio >= 0.5) },
        { metric: "   peak server RSS during the runs", measured: mib(rss.peakKb), target: "< 400 MiB", result: verdict(rssMiB < 400) },
        ...cpu.rows,
        ...share.rows,
        {
          metric: "   statements per grade (all SQL, BEGIN/COMMIT included)",
          measured: statementsPerGrade.toFixed(2),
          target: "≤ 5 + BEGIN/COMMIT",
          result: verdict(stmtOk),
        },
      ],
      figures: [
        { measure: `${e}: floor GET /api/ping`, value: floor.reqPerSec, unit: "req/s", target: null, pass: null },
        { measure: `${e}: CPU per ping`, value: cpuPerPingMs, unit: "ms", target: null, pass: null },
        { measure: `${e}: grading capacity`, value: capacity.reqPerSec, unit: "req/s", target: null, pass: null },
        { measure: `${e}: grading capacity / floor`, value: ratio, unit: "ratio", target: ">= 0.5", pass: ratio >= 0.5 },
        { measure: `${e}: grading capacity errors`, value: capacity.errors, unit: "count", target: "0", pass: capacity.errors === 0 },
        { measure: `${e}: peak server RSS`, value: rssMiB, unit: "MiB", target: "< 400", pass: rssMiB < 400 },
        ...cpu.figures,
        ...share.figures,
        { measure: `${e}: statements per grade`, value: statementsPerGrade, unit: "statements", target: "<= 5 + BEGIN/COMMIT", pass: stmtOk },
      ],
    };
  },
};
