import { afterEach, describe, expect, it, vi } from "vitest";
import { createSql, sql, type Sql } from "@/lib/db/sql";
import { num } from "@/lib/db/row";
import { integrationUrl } from "../db-path";

// PostgreSQL only (the integration-postgres project): the pool the app's queries run on.
const backendOf = async (db: Sql) => num((await db.get(sql`SELECT pg_backend_pid() AS "pid"`))!.pid);

describe("the PostgreSQL pool's connections", () => {
  const opened: Sql[] = [];
  const pool = () => {
    const db = createSql(integrationUrl("postgres"), 1);
    opened.push(db);
    return db;
  };
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  it("stay open through a quiet spell, keeping their prepared statements for the next request", async () => {
    const db = pool();
    const before = await backendOf(db);
    // pg closes a connection idle for 10 s unless told otherwise; the pool's timers run on the clock.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await backendOf(db);
    vi.advanceTimersByTime(10 * 60_000);
    vi.useRealTimers();
    expect(await backendOf(db)).toBe(before);
  });

  // A connection can end while it waits in the pool: the database restarted or failed over, or a
  // proxy closed it. The pool then reports an error with no query to fail; unheard, that report
  // ends the process (vitest fails the run on it).
  it("that end while idle are dropped without ending the process, and the next query runs on a new one", async () => {
    const db = pool();
    const before = await backendOf(db);
    await pool().get(sql`SELECT pg_terminate_backend(${before}) AS "done"`);
    // The pool hears of the end a moment later; until then a query may meet the dead connection.
    await expect.poll(() => backendOf(db).catch(() => before)).not.toBe(before);
  });
});
