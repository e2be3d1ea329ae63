import "server-only";
import type { PrismaClient } from "@prisma/client";
import type pg from "pg";
import { createPrismaClient } from "./client";
import { createTyped, type Db, type Typed } from "./kysely";
import { createPgPool } from "./pg-pool";
import { createSql, type Sql, type SqlTx } from "./sql";
import { databaseUrl, isPostgresUrl } from "./url";
import { env } from "../env";

export { sql, isUniqueSqlError, type Query, type Row } from "./sql";
export type { Db } from "./kysely";
export { engineOf, epochMs, greaterOf, jsonArrayAgg, jsonRows } from "./kysely";
export type { DB } from "./row-types";

// Process-wide state lives on globalThis: `next build` may copy this module into several server
// chunks, and the global also survives hot reloads in development.
const globalForDb = globalThis as unknown as { unknotPrisma?: PrismaClient; unknotPgPool?: pg.Pool; unknotSql?: Sql; unknotTyped?: Typed };

// On PostgreSQL, one pool of DATABASE_POOL_SIZE connections per process, shared by Prisma
// Client and the hot path (on SQLite they share the one writer lock). Making it opens nothing.
const sharedPool = (): pg.Pool | undefined =>
  isPostgresUrl(databaseUrl()) ? (globalForDb.unknotPgPool ??= createPgPool(databaseUrl(), env().DATABASE_POOL_SIZE)) : undefined;

// One Prisma client per process.
export const db: PrismaClient = (globalForDb.unknotPrisma ??= createPrismaClient(undefined, sharedPool()));

// The hot path's direct driver access (lib/db/sql.ts), one per process beside Prisma's client.
// Opened at its first query, not at import: `next build` imports every route while it
// collects page data, and on a fresh clone there is no data/ directory, nor a database, yet.
const opened = () => (globalForDb.unknotSql ??= createSql(undefined, env().DATABASE_POOL_SIZE, sharedPool()));
export const sqlDb: Sql = {
  all: async (q) => opened().all(q),
  get: async (q) => opened().get(q),
  run: async (q) => opened().run(q),
  transaction: async (fn) => opened().transaction(fn),
  write: async (fn) => opened().write(fn),
  close: async () => {
    await globalForDb.unknotSql?.close();
    globalForDb.unknotSql = undefined;
  },
};

// Kysely (lib/db/kysely.ts) on the same connections as sqlDb; built at its first use, like sqlDb.
const typed = () => (globalForDb.unknotTyped ??= createTyped(sqlDb, isPostgresUrl(databaseUrl()) ? "postgres" : "sqlite"));
export const kdb: Db = new Proxy({} as Db, {
  get: (_, key) => {
    const t = typed().db;
    const v: unknown = Reflect.get(t, key);
    return typeof v === "function" ? v.bind(t) : v;
  },
});
export const transaction = <T>(fn: (tx: Db) => Promise<T>): Promise<T> => typed().transaction(fn);
export const kyselyOn = (tx: SqlTx): Db => typed().on(tx);
