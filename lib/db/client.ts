import { createRequire } from "node:module";
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "./url";
import { env } from "../env";
import { SerializedSqliteFactory, SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-adapter";
import type pg from "pg";
import { createPgPool } from "./pg-pool";

// Shared by the app (through lib/db/index.ts) and by scripts and tests, which run outside Next.
// `pool`: PostgreSQL connections to share (the app's one pool); without it, the client opens
// its own and ends them at $disconnect.
export function createPrismaClient(url = databaseUrl(), pool?: pg.Pool): PrismaClient {
  return isPostgresUrl(url) ? createPostgresClient(url, pool) : createSqliteClient(url);
}

function createSqliteClient(url: string): PrismaClient {
  // Another process's writer is waited for up to the documented bound (15 s) rather than
  // failing with SQLITE_BUSY.
  const adapter = new SerializedSqliteFactory({ url: sqliteFilePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
  // One writer at a time in this process: a transaction waits up to the same bound for its
  // turn rather than Prisma's default 2 s.
  // Each connection is set to synchronous = FULL as it opens (lib/db/sqlite-adapter.ts).
  return new PrismaClient({ adapter, log: ["error"], transactionOptions: { maxWait: SQLITE_BUSY_TIMEOUT_MS } });
}

function createPostgresClient(url: string, pool?: pg.Pool): PrismaClient {
  // The PostgreSQL client is generated from prisma/postgres/schema.prisma, itself derived from
  // the one data model, so its API is the SQLite client's. It is loaded at run time so that
  // bundlers leave it alone and SQLite installs never touch it.
  const load = createRequire(path.join(process.cwd(), "package.json"));
  const { PrismaClient: PgClient } = load(".prisma/client-pg") as { PrismaClient: typeof PrismaClient };
  const adapter = new PrismaPg(pool ?? createPgPool(url, env().DATABASE_POOL_SIZE), { disposeExternalPool: !pool });
  return new PgClient({ adapter, log: ["error"] });
}
