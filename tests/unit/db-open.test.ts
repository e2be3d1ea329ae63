import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";

// `next build` imports every route, and so lib/db, while it collects page data. Opening the
// database at import failed the build on a fresh clone (no data/ directory yet) and otherwise
// left an empty data/unknot.db behind before any migration.
describe("the database module", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "unknot-db-open-"));
  const file = path.join(dir, "data/unknot.db");
  afterEach(async () => {
    const { db, sqlDb } = await import("@/lib/db");
    await sqlDb.close();
    await db.$disconnect();
    vi.unstubAllEnvs();
    vi.resetModules();
    rmSync(dir, { recursive: true, force: true });
  });

  async function importFresh() {
    vi.stubEnv("DATABASE_URL", `file:${file}`);
    vi.resetModules();
    const globals = globalThis as { unknotSql?: unknown; unknotPrisma?: unknown };
    globals.unknotSql = undefined;
    globals.unknotPrisma = undefined;
    return import("@/lib/db");
  }

  it("can be imported where the database's directory does not exist yet", async () => {
    const { sqlDb, sql } = await importFresh();
    await sleep(100);
    expect(existsSync(path.dirname(file))).toBe(false);
    // A query then fails with the driver's message.
    await expect(sqlDb.get(sql`SELECT 1 AS one`)).rejects.toThrow(/directory does not exist/);
  });

  it("opens the file at the first query of each client, not when imported", async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    const { db, sqlDb, sql } = await importFresh();
    await sleep(100);
    expect(existsSync(file)).toBe(false);
    expect(await sqlDb.get(sql`SELECT 1 AS one`)).toEqual({ one: 1 });
    expect(existsSync(file)).toBe(true);
    // Prisma's connections are set to synchronous = FULL as they open.
    const [{ synchronous }] = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    expect(Number(synchronous)).toBe(2);
  });
});
