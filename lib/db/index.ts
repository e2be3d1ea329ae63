import "server-only";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "./client";

const globalForPrisma = globalThis as unknown as { unknotPrisma?: PrismaClient };

// One client per process; the global survives hot reloads in development.
export const db: PrismaClient = globalForPrisma.unknotPrisma ?? createPrismaClient();
globalForPrisma.unknotPrisma = db;

import { createSql, type Sql } from "./sql";
import { env } from "../env";
export { sql, isUniqueSqlError, type Query, type Row } from "./sql";

const globalForSql = globalThis as unknown as { unknotSql?: Sql };

// The hot path's direct driver access (lib/db/sql.ts), one per process beside Prisma's client.
// Opened at its first query, not at import: `next build` imports every route while it
// collects page data, and on a fresh clone there is no data/ directory, nor a database, yet.
const opened = () => (globalForSql.unknotSql ??= createSql(undefined, env().DATABASE_POOL_SIZE));
export const sqlDb: Sql = {
  all: async (q) => opened().all(q),
  get: async (q) => opened().get(q),
  run: async (q) => opened().run(q),
  transaction: async (fn) => opened().transaction(fn),
  write: async (fn) => opened().write(fn),
  close: async () => {
    await globalForSql.unknotSql?.close();
    globalForSql.unknotSql = undefined;
  },
};

import { createTyped, type Db, type Typed } from "./kysely";
import type { SqlTx } from "./sql";
import { isPostgresUrl } from "./url";
export type { Db } from "./kysely";
export { engineOf, epochMs, jsonArrayAgg, jsonRows } from "./kysely";
export type { DB } from "./row-types";

const globalForTyped = globalThis as unknown as { unknotTyped?: Typed };

// Kysely (lib/db/kysely.ts) on the same connections as sqlDb; built at its first use, like sqlDb.
const typed = () => (globalForTyped.unknotTyped ??= createTyped(sqlDb, isPostgresUrl(env().DATABASE_URL) ? "postgres" : "sqlite"));
export const kdb: Db = new Proxy({} as Db, {
  get: (_, key) => {
    const t = typed().db;
    const v: unknown = Reflect.get(t, key);
    return typeof v === "function" ? v.bind(t) : v;
  },
});
export const transaction = <T>(fn: (tx: Db) => Promise<T>): Promise<T> => typed().transaction(fn);
export const kyselyOn = (tx: SqlTx): Db => typed().on(tx);
