import { describe, expect, it } from "vitest";
import { createSql, sql } from "@/lib/db/sql";
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
});
