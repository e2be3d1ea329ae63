import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// `next build` imports every route, and so lib/db, while it collects page data; on a fresh
// clone there is no data/ directory then, and opening the database at import failed the build.
describe("the database module", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "unknot-db-open-"));
  const file = path.join(dir, "not-yet/unknot.db");
  afterEach(async () => {
    const { sqlDb } = await import("@/lib/db");
    await sqlDb.close();
    vi.unstubAllEnvs();
    vi.resetModules();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens nothing when imported, and opens the database at its first query", async () => {
    vi.stubEnv("DATABASE_URL", `file:${file}`);
    vi.resetModules();
    (globalThis as { unknotSql?: unknown }).unknotSql = undefined;
    const { sqlDb, sql } = await import("@/lib/db");
    expect(existsSync(path.dirname(file))).toBe(false);

    await expect(sqlDb.get(sql`SELECT 1 AS one`)).rejects.toThrow(/directory does not exist/);
    mkdirSync(path.dirname(file));
    expect(await sqlDb.get(sql`SELECT 1 AS one`)).toEqual({ one: 1 });
    expect(existsSync(file)).toBe(true);
  });
});
