import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { createPgPool } from "@/lib/db/pg-pool";
import { createSql, sql } from "@/lib/db/sql";
import { num } from "@/lib/db/row";
import { integrationUrl } from "../db-path";

// PostgreSQL only: a process holds one pool (lib/db/index.ts), which Prisma Client and the hot
// path's driver layer share, so a server opens at most DATABASE_POOL_SIZE connections.
describe("the process's one PostgreSQL pool", () => {
  const url = integrationUrl("postgres");
  const pool = createPgPool(url, 1);
  afterAll(() => pool.end());

  it("carries both Prisma Client's queries and the hot path's, on the same connections", async () => {
    const prisma = createPrismaClient(url, pool);
    const hot = createSql(url, 1, pool);
    try {
      const [viaPrisma] = await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`;
      const viaHotPath = num((await hot.get(sql`SELECT pg_backend_pid() AS "pid"`))!.pid);
      expect(viaHotPath).toBe(viaPrisma!.pid);
      expect(pool.totalCount).toBe(1);
    } finally {
      await prisma.$disconnect();
      await hot.close();
    }
    // Neither closes connections it shares.
    expect(num((await createSql(url, 1, pool).get(sql`SELECT 1 AS "one"`))!.one)).toBe(1);
  });

  it("keeps each prepared statement's name for one text, across hot-path instances opened on it in turn", async () => {
    const first = createSql(url, 1, pool);
    await first.get(sql`SELECT ${1}::int AS "a"`);
    await first.close();
    // A second instance's first statement must not take a name the connection already holds for another text.
    const second = createSql(url, 1, pool);
    expect(num((await second.get(sql`SELECT ${2}::int + 1 AS "b"`))!.b)).toBe(3);
    expect(num((await second.get(sql`SELECT ${5}::int AS "a"`))!.a)).toBe(5);
  });
});
