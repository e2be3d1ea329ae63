import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSql, sql } from "@/lib/db/sql";
import { num } from "@/lib/db/row";
import { statements } from "@/lib/db/statements";
// SQLite (a scratch file): its driver answers on the Node thread, so nothing else arrives while
// a transaction runs, and only waiting for the event loop's turn lets a group form.
// Requests served in one turn of the event loop reach their transaction after different
// numbers of awaits (session check, body, reads): their writes still share one group commit.
const afterAwaits = async (n: number) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe("SQLite transactions begun in one turn of the event loop", () => {
  it("share one BEGIN and one COMMIT, and each caller gets its own result", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "unknot-group-"));
    const db = createSql(`file:${path.join(dir, "group.db")}`);
    try {
      const before = statements.count;
      const answers = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          await afterAwaits(i * 3);
          return db.transaction(async (tx) => num((await tx.all(sql`SELECT ${i} AS "n"`))[0]!.n));
        }),
      );
      expect(answers).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(statements.count - before).toBe(8 + 2);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
