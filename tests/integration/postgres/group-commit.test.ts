import { describe, expect, it } from "vitest";
import { createSql, isUniqueSqlError, sql } from "@/lib/db/sql";
import { num } from "@/lib/db/row";
import { statements } from "@/lib/db/statements";
import { integrationUrl } from "../db-path";

// PostgreSQL only: every statement is a round trip, the largest part of the Node process's CPU
// per grade, so transactions that arrive together share one BEGIN and one COMMIT (lib/db/sql.ts).
describe("transactions sent together on PostgreSQL", () => {
  it("share a BEGIN and a COMMIT, and each caller gets its own result", async () => {
    const db = createSql(integrationUrl("postgres"), 4);
    try {
      const before = statements.count;
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => db.transaction(async (tx) => num((await tx.all(sql`SELECT ${i}::int AS "n"`))[0]!.n))),
      );
      expect(answers).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      // One statement each, and fewer than a BEGIN and a COMMIT for each of the eight.
      expect(statements.count - before).toBeLessThan(8 * 3);
    } finally {
      await db.close();
    }
  });

  it("let other transactions commit while a long one is still open", async () => {
    const db = createSql(integrationUrl("postgres"), 4);
    try {
      let finish!: () => void;
      const held = new Promise<void>((r) => (finish = r));
      const long = db.transaction(async (tx) => {
        await tx.all(sql`SELECT 1 AS "n"`);
        await held;
        return "long";
      });
      const short = await db.transaction(async (tx) => num((await tx.all(sql`SELECT 2 AS "n"`))[0]!.n));
      expect(short).toBe(2);
      finish();
      expect(await long).toBe("long");
    } finally {
      await db.close();
    }
  });

  it("send a group of one-statement writes at once; one that fails fails alone, and the others are kept", async () => {
    const db = createSql(integrationUrl("postgres"), 4);
    // Both write lanes held while `writes` queue, so that they go as one group.
    const asOneGroup = async (writes: () => Promise<unknown>[]) => {
      let finish!: () => void;
      const held = new Promise<void>((r) => (finish = r));
      const lanes = [1, 2].map(() =>
        db.transaction(async (tx) => {
          await tx.all(sql`SELECT 1 AS "n"`);
          await held;
        }),
      );
      const results = Promise.allSettled(writes());
      finish();
      await Promise.all(lanes);
      return results;
    };
    const insert = (id: number) => db.write(async (tx) => tx.run(sql`INSERT INTO "GroupProbe" ("id") VALUES (${id})`));
    const ids = async () => (await db.all(sql`SELECT "id" FROM "GroupProbe" ORDER BY "id"`)).map((r) => num(r.id));
    try {
      await db.run(sql`CREATE TABLE IF NOT EXISTS "GroupProbe" ("id" int PRIMARY KEY)`);
      await db.run(sql`DELETE FROM "GroupProbe"`);
      // A repeated id fails in the database, which aborts the group's transaction.
      const repeated = await asOneGroup(() => [insert(1), insert(2), insert(2), insert(3)]);
      expect(repeated.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
      expect(isUniqueSqlError((repeated[2] as PromiseRejectedResult).reason)).toBe(true);
      expect(await ids()).toEqual([1, 2, 3]);
      // A write that changes nothing (as a stale grade) fails without a database error.
      const unchanged = db.write(async (tx) => {
        if ((await tx.run(sql`UPDATE "GroupProbe" SET "id" = "id" WHERE "id" = ${99}`)) === 0) throw new Error("changed nothing");
      });
      const stale = await asOneGroup(() => [insert(4), unchanged, insert(5)]);
      expect(stale.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(await ids()).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await db.run(sql`DROP TABLE IF EXISTS "GroupProbe"`);
      await db.close();
    }
  });
});
