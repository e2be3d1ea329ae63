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
export const sqlDb: Sql = globalForSql.unknotSql ?? createSql(undefined, env().DATABASE_POOL_SIZE);
globalForSql.unknotSql = sqlDb;
