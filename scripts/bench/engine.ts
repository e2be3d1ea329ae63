import { benchEnv } from "../../lib/env";
import path from "node:path";
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "../../lib/db/client";
import { prepareDatabase } from "../prepare-db";
import { createLoadUsers, LOAD_PASSWORD } from "../load/users";
import { signInHttp } from "../load/http";
import { resetDatabase, ROOT, startServer, type Server } from "../shared/server";
import { loadBinding, runLoad, type Binding } from "./cannon";
import { seedLargeAccount, HEAVY_EMAIL } from "./seed";
import { secs } from "./stats";
import { USERS, loadOf, settleOf, type EngineContext, type EngineMeasure } from "./context";
import { emptyReport, merge, type Report } from "./report";

// One database's part of the bench: its preparation, the production server and the load users
// that the measures in scripts/bench/measures/ share.

export const BENCH_SECRET = "bench-secret-not-for-production-0000000";
const WARMUP_S = 3;

export async function sqliteUrl(): Promise<string> {
  const file = path.resolve(ROOT, benchEnv().UNKNOT_BENCH_SQLITE_FILE);
  resetDatabase(file);
  return `file:${file}`;
}

// A fresh database on the server of `adminUrl`: unknot_bench, or UNKNOT_BENCH_PG_DB (so that
// two checkouts benchmarking on one server do not drop each other's database).
export async function postgresUrl(adminUrl: string): Promise<string> {
  const name = benchEnv().UNKNOT_BENCH_PG_DB;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("UNKNOT_BENCH_PG_DB must be a plain lower-case name");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function prepare(url: string): Promise<PrismaClient> {
  await prepareDatabase({ url, seedDemo: false, quiet: true });
  return createPrismaClient(url);
}

const log = (s: string) => console.log(`[bench] ${s}`);

// `cookie`: a signed-in user for page checks (the large account when it was seeded).
export type EngineRun = { engine: string; report: Report; server: Server; cookie: string };

// The measures chosen against one database: prepares it, seeds the large account only if a
// measure needs it, starts the production server, signs the load users in, warms up, then
// runs each measure in turn. The caller stops the returned server.
export async function benchEngine(engine: string, url: string, port: number, measures: EngineMeasure[]): Promise<EngineRun> {
  const chosen = measures.filter((m) => url.startsWith("postgres") || !m.postgresOnly);
  let t = performance.now();
  const db = await prepare(url);
  let server: Server | undefined;
  try {
    const emails = await createLoadUsers(db, "bench", USERS, 60);
    log(`${engine}: database prepared, ${USERS} load users (${secs(t)})`);
    let seedMs: number | undefined;
    if (chosen.some((m) => m.heavy)) {
      t = performance.now();
      const seed = await seedLargeAccount(db);
      seedMs = seed.ms;
      // A real database of that size has its statistics and visibility map: without this the
      // measures after the seed share the cores with autovacuum's work on a million fresh rows.
      if (url.startsWith("postgres")) await db.$executeRawUnsafe('VACUUM (ANALYZE) "ReviewLog", "ReviewDayTally", "Card", "CatalogCard", "User"');
      log(
        `${engine}: seeded ${seed.totalLogs.toLocaleString("en")} review logs for ${seed.users} users (heavy user: ${seed.heavyCards.toLocaleString("en")} cards, ${seed.heavyLogs.toLocaleString("en")} logs) in ${(seed.ms / 1000).toFixed(1)} s`,
      );
    }
    const serverEnv = { DATABASE_URL: url, NEXTAUTH_SECRET: BENCH_SECRET, UNKNOT_BENCH_STATEMENTS: "1" };
    // UNKNOT_BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
    const profile = benchEnv().UNKNOT_BENCH_PROFILE;
    server = await startServer(port, serverEnv, profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profile)}`] : []);
    const base = server.url;
    const cookies = await Promise.all(emails.map((e) => signInHttp(base, e, LOAD_PASSWORD)));
    const bindings: Binding[] = await Promise.all(emails.map((e, i) => loadBinding(db, e, cookies[i]!)));
    const heavyCookie = seedMs !== undefined ? await signInHttp(base, HEAVY_EMAIL, LOAD_PASSWORD) : undefined;
    const ctx: EngineContext = {
      engine,
      url,
      db,
      server,
      serverEnv,
      port,
      bindings,
      heavyCookie,
      seedMs,
      load: loadOf(base, bindings),
      settle: settleOf(db, bindings),
    };

    log(`${engine}: warming up (one of each request answered, then ${WARMUP_S} s ping, ${WARMUP_S} s grading)`);
    // One of each first, so that loading the route's code and the content (a second or more on
    // a busy machine) is never counted in a measure's CPU time, however slow the warm-up load.
    await runLoad({ url: base, route: "ping", bindings: bindings.slice(0, 1), duration: 60, amount: 1 });
    await runLoad({ url: base, route: "grade", bindings: bindings.slice(0, 1), duration: 60, amount: 1 });
    await runLoad({ url: base, route: "ping", bindings, duration: WARMUP_S });
    await runLoad({ url: base, route: "grade", bindings, duration: WARMUP_S });

    const report = emptyReport();
    for (const m of chosen) merge(report, await m.run(ctx));
    return { engine, report, server, cookie: heavyCookie ?? bindings[0]!.cookie };
  } catch (e) {
    await server?.stop();
    throw e;
  } finally {
    await db.$disconnect();
  }
}
