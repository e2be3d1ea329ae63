import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSql, isUniqueSqlError, sql, type Sql, type SqlTx } from "@/lib/db/sql";
import { num } from "@/lib/db/row";
import { statements } from "@/lib/db/statements";
import { integrationUrl } from "./db-path";
import { holdWriteLanes } from "./write-lanes";
import { testEnv } from "@/lib/env";

// Sql.write (lib/db/sql.ts): a write that is one statement. On PostgreSQL, alone, it is sent
// without BEGIN and COMMIT; with others waiting it joins their group commit. On SQLite it is a
// transaction of the group commit. Either way an answered write is committed and a failing one
// fails only itself. A scratch table on the engine under test (SQLite: a scratch file).
const postgres = testEnv().UNKNOT_TEST_ENGINE === "postgres";
const dir = postgres ? null : mkdtempSync(path.join(tmpdir(), "unknot-write-"));
const url = dir ? `file:${path.join(dir, "write.db")}` : integrationUrl("postgres");

let db: Sql;
// A second connection set: what it reads was committed, not merely written.
let other: Sql;

const put = (k: string, v: number) => (tx: SqlTx) => tx.run(sql`INSERT INTO "WriteProbe" ("k", "v") VALUES (${k}, ${v})`);
// An update over the version the caller read: 0 rows when that version is stale, and then the
// write fails, having changed nothing (as a grade's does).
const bump = (k: string, seen: number) => async (tx: SqlTx) => {
  if ((await tx.run(sql`UPDATE "WriteProbe" SET "v" = "v" + 1 WHERE "k" = ${k} AND "v" = ${seen}`)) !== 1) throw new Error("stale");
  return seen + 1;
};
const valueOf = async (k: string) => {
  const row = await other.get(sql`SELECT "v" FROM "WriteProbe" WHERE "k" = ${k}`);
  return row ? num(row.v) : undefined;
};

beforeAll(async () => {
  db = createSql(url, 4);
  other = createSql(url, 2);
  await db.run(sql`CREATE TABLE IF NOT EXISTS "WriteProbe" ("k" TEXT PRIMARY KEY, "v" INTEGER NOT NULL)`);
});

beforeEach(async () => {
  await db.run(sql`DELETE FROM "WriteProbe"`);
});

afterAll(async () => {
  await db.run(sql`DROP TABLE "WriteProbe"`);
  await db.close();
  await other.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a one-statement write sent alone", () => {
  it("is answered once committed, without BEGIN and COMMIT on PostgreSQL", async () => {
    const before = statements.count;
    expect(await db.write(put("a", 1))).toBe(1);
    expect(statements.count - before).toBe(postgres ? 1 : 3);
    expect(await valueOf("a")).toBe(1);
  });

  it("fails alone on a repeated key, and the first value stays", async () => {
    await db.write(put("a", 1));
    const repeat = await db.write(put("a", 2)).catch((e: unknown) => e);
    expect(isUniqueSqlError(repeat)).toBe(true);
    expect(await valueOf("a")).toBe(1);
    // The connection is still good for the next write.
    await db.write(put("b", 1));
    expect(await valueOf("b")).toBe(1);
  });

  it("fails at a stale version and changes nothing", async () => {
    await db.write(put("a", 1));
    await expect(db.write(bump("a", 0))).rejects.toThrow("stale");
    expect(await valueOf("a")).toBe(1);
    expect(await db.write(bump("a", 1))).toBe(2);
    expect(await valueOf("a")).toBe(2);
  });

  it("refuses a second statement", async () => {
    const twice = db.write(async (tx) => {
      await tx.run(sql`INSERT INTO "WriteProbe" ("k", "v") VALUES (${"a"}, ${1})`);
      await tx.run(sql`INSERT INTO "WriteProbe" ("k", "v") VALUES (${"b"}, ${1})`);
    });
    await expect(twice).rejects.toThrow("one statement");
    expect(await valueOf("b")).toBeUndefined();
  });
});

describe("one-statement writes sent while others wait", () => {
  it("share one BEGIN and one COMMIT, each answered with its own result once committed", async () => {
    const release = holdWriteLanes(db);
    const before = statements.count;
    const writes = ["a", "b", "c", "d"].map((k, i) => db.write(put(k, i)));
    await release();
    expect(await Promise.all(writes)).toEqual([1, 1, 1, 1]);
    // The held transactions' own BEGIN, SELECT and COMMIT (on SQLite they share the group),
    // then the four writes between one BEGIN and one COMMIT.
    expect(statements.count - before).toBe(postgres ? 2 * 3 + 4 + 2 : 2 + 4 + 2);
    expect(await Promise.all(["a", "b", "c", "d"].map(valueOf))).toEqual([0, 1, 2, 3]);
  });

  it("fail only themselves on a repeated key or a stale version: the rest of the group commits", async () => {
    await db.write(put("x", 5));
    const release = holdWriteLanes(db);
    const outcomes = Promise.allSettled([db.write(put("a", 1)), db.write(put("x", 6)), db.write(bump("x", 4)), db.write(bump("x", 5)), db.write(put("b", 2))]);
    await release();
    const [a, repeated, stale, fresh, b] = await outcomes;
    expect([a, fresh, b].map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect(repeated.status === "rejected" && isUniqueSqlError(repeated.reason)).toBe(true);
    expect(stale.status === "rejected" && String(stale.reason)).toContain("stale");
    expect(await Promise.all(["a", "x", "b"].map(valueOf))).toEqual([1, 6, 2]);
  });
});
