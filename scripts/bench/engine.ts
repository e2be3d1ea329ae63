import path from "node:path";
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "../../lib/db/client";
import { prepareDatabase } from "../prepare-db";
import { createLoadUsers, LOAD_PASSWORD } from "../load/users";
import { signInHttp } from "../load/http";
import { resetDatabase, ROOT, startServer, type Server } from "../../tests/e2e/server";
import { loadBinding, refreshVersions, runLoad, type Binding, type LoadResult } from "./cannon";
import { seedLargeAccount, HEAVY_EMAIL } from "./seed";
import { benchCardsPage, type CardsTiming } from "./cards-page";
import { timePage, type PageTiming } from "./pages";
import { RssSampler } from "./rss";
import { treeCpuMs } from "./cpu";
import { secs } from "./stats";

// Benchmarks 1-3 against one database: grading capacity beside the framework's floor,
// grading latency at a steady rate, and the review and progress pages of a large account.

export const BENCH_SECRET = "bench-secret-not-for-production-0000000";
const USERS = 32;
const DURATION_S = 20;
const WARMUP_S = 3;

export type EngineResult = {
  engine: string;
  seedMs: number;
  floor: LoadResult;
  capacity: LoadResult;
  capacityRssKb: number;
  // Server CPU time over the capacity run divided by the grades it answered.
  cpuPerGradeMs: number;
  // SQL statements the server sent over the capacity run per grade answered, BEGIN/COMMIT included.
  statementsPerGrade: number;
  // PostgreSQL only: the same capacity load split over two `next start` processes.
  twoProcess?: { reqPerSec: number; errors: number };
  steady: LoadResult;
  review: PageTiming;
  progress: PageTiming;
  cards: CardsTiming;
  server: Server;
  heavyCookie: string;
};

export async function sqliteUrl(): Promise<string> {
  const file = path.resolve(ROOT, process.env.UNKNOT_BENCH_SQLITE_FILE || "data/bench/bench.db");
  resetDatabase(file);
  return `file:${file}`;
}

// A fresh database named unknot_bench on the server of `adminUrl`.
export async function postgresUrl(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("DROP DATABASE IF EXISTS unknot_bench WITH (FORCE)");
    await client.query("CREATE DATABASE unknot_bench");
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = "/unknot_bench";
  return url.toString();
}

async function prepare(url: string): Promise<PrismaClient> {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    await prepareDatabase({ seedDemo: false, quiet: true });
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
  return createPrismaClient(url);
}

const log = (s: string) => console.log(`[bench] ${s}`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function statementCount(base: string, cookie: string): Promise<number> {
  const body = (await (await fetch(`${base}/api/ping`, { headers: { cookie } })).json()) as { statements?: number };
  return body.statements ?? NaN;
}

export async function benchEngine(engine: string, url: string, port: number, twoProcesses = false): Promise<EngineResult> {
  let t = performance.now();
  const db = await prepare(url);
  let server: Server | undefined;
  try {
    const emails = await createLoadUsers(db, "bench", USERS, 60);
    log(`${engine}: database prepared, ${USERS} load users (${secs(t)})`);
    t = performance.now();
    const seed = await seedLargeAccount(db);
    log(`${engine}: seeded ${seed.totalLogs.toLocaleString("en")} review logs for ${seed.users} users (heavy user: ${seed.heavyCards.toLocaleString("en")} cards, ${seed.heavyLogs.toLocaleString("en")} logs) in ${(seed.ms / 1000).toFixed(1)} s`);

    const serverEnv = { DATABASE_URL: url, NEXTAUTH_SECRET: BENCH_SECRET, UNKNOT_BENCH_STATEMENTS: "1" };
    server = await startServer(port, serverEnv);
    const base = server.url;
    const cookies = await Promise.all(emails.map((e) => signInHttp(base, e, LOAD_PASSWORD)));
    const bindings: Binding[] = await Promise.all(emails.map((e, i) => loadBinding(db, e, cookies[i]!)));
    const rss = new RssSampler(server.proc.pid!);
    const load = (route: "grade" | "ping", duration: number, overallRate?: number) => runLoad({ url: base, route, bindings, duration, overallRate });
    const settle = async () => {
      await pause(1000); // let grades cut off at the end of a run land, then re-read versions
      await refreshVersions(db, bindings);
    };

    log(`${engine}: warming up (${WARMUP_S} s ping, ${WARMUP_S} s grading)`);
    await load("ping", WARMUP_S);
    await load("grade", WARMUP_S);
    await settle();

    log(`${engine}: floor, GET /api/ping, ${USERS} connections, ${DURATION_S} s`);
    const floor = await load("ping", DURATION_S);
    log(`${engine}: capacity, POST /api/review/grade, ${USERS} connections, ${DURATION_S} s`);
    rss.reset();
    const statementsBefore = await statementCount(base, bindings[0]!.cookie);
    const cpuBefore = treeCpuMs(server.proc.pid!);
    const capacity = await load("grade", DURATION_S);
    const cpuPerGradeMs = (treeCpuMs(server.proc.pid!) - cpuBefore) / Math.max(1, capacity.ok);
    // Less the two pings' own session checks.
    const statementsPerGrade = ((await statementCount(base, bindings[0]!.cookie)) - statementsBefore - 1) / Math.max(1, capacity.ok);
    const capacityRssKb = rss.peakKb;
    await settle();
    log(`${engine}: steady 50 grades/s, ${USERS} connections, ${DURATION_S} s`);
    const steady = await load("grade", DURATION_S, 50);
    rss.stop();

    let twoProcess: EngineResult["twoProcess"];
    if (twoProcesses) {
      // Two servers on one database, each taking half of the users (the app is stateless).
      await settle();
      const second = await startServer(port + 10, serverEnv);
      try {
        log(`${engine}: capacity over two processes, ${USERS} connections, ${DURATION_S} s`);
        const half = bindings.length / 2;
        const [a, b] = await Promise.all([
          runLoad({ url: base, route: "grade", bindings: bindings.slice(0, half), duration: DURATION_S }),
          runLoad({ url: second.url, route: "grade", bindings: bindings.slice(half), duration: DURATION_S }),
        ]);
        twoProcess = { reqPerSec: a.reqPerSec + b.reqPerSec, errors: a.errors + b.errors };
      } finally {
        await second.stop();
      }
    }

    const heavyCookie = await signInHttp(base, HEAVY_EMAIL, LOAD_PASSWORD);
    const state = (await (await fetch(`${base}/api/review`, { headers: { cookie: heavyCookie } })).json()) as { state?: { card: unknown; counts: unknown } };
    if (!state.state?.card) log(`${engine}: WARNING the heavy user's review queue shows no card`);
    log(`${engine}: timing /review and /progress for the heavy user`);
    const review = await timePage(`${base}/review`, heavyCookie);
    const progress = await timePage(`${base}/progress`, heavyCookie);
    const cards = await benchCardsPage(base, heavyCookie);
    return { engine, seedMs: seed.ms, floor, capacity, capacityRssKb, cpuPerGradeMs, statementsPerGrade, twoProcess, steady, review, progress, cards, server, heavyCookie };
  } catch (e) {
    await server?.stop();
    throw e;
  } finally {
    await db.$disconnect();
  }
}
