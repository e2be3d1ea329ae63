import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "./helpers";

// Requests in one process share, on SQLite, one writing connection. One request's open
// transaction must neither swallow another request's writes nor show it uncommitted rows.
describe("queries that overlap another request's transaction", () => {
  async function whileATransactionIsOpen<T>(userId: string, during: () => PromiseLike<T>): Promise<T> {
    let opened!: () => void;
    const isOpen = new Promise<void>((r) => (opened = r));
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    const tx = db
      .$transaction(async (t) => {
        await t.user.update({ where: { id: userId }, data: { name: "uncommitted" } });
        opened();
        await finished;
        throw new Error("this transaction rolls back");
      })
      .catch((e: Error) => e.message);
    await isOpen;
    // Prisma queries are lazy: resolving starts this one now, while the transaction is open.
    const result = Promise.resolve(during());
    await new Promise((r) => setTimeout(r, 100));
    finish();
    expect(await tx).toBe("this transaction rolls back");
    return result;
  }

  it("keeps writes made meanwhile when that transaction rolls back", async () => {
    const user = await makeUser();
    const email = `overlap-${randomUUID()}@example.test`;
    await whileATransactionIsOpen(user.id, () =>
      Promise.all([
        db.user.update({ where: { id: user.id }, data: { newCardsPerDay: 17 } }),
        db.signInAttempt.create({ data: { email, ip: "192.0.2.1", success: false } }),
      ]),
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.newCardsPerDay).toBe(17);
    expect(after.name).toBeNull();
    expect(await db.signInAttempt.count({ where: { email } })).toBe(1);
  });

  it("never reads that transaction's uncommitted changes", async () => {
    const user = await makeUser();
    const read = await whileATransactionIsOpen(user.id, () => db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } }));
    expect(read).toEqual({ name: null });
  });
});

// lib/db/sql.ts runs transactions that arrive together as one group with one COMMIT (on
// SQLite); a failing one must fail alone, and the others must be stored.
describe("transactions sent at the same moment", () => {
  it("stores every transaction but the failing one, and each caller gets its own result", async () => {
    const { sqlDb, sql } = await import("@/lib/db");
    const users = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const outcomes = await Promise.allSettled(
      users.map((u, i) =>
        sqlDb.transaction(async (tx) => {
          await tx.run(sql`UPDATE "User" SET "name" = ${`renamed ${i}`} WHERE "id" = ${u.id}`);
          if (i === 2) throw new Error("number 2 fails");
          const [row] = await tx.all(sql`SELECT "name" FROM "User" WHERE "id" = ${u.id}`);
          return row?.name;
        }),
      ),
    );
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).message))).toEqual([
      "renamed 0",
      "renamed 1",
      "number 2 fails",
      "renamed 3",
    ]);
    const names = await Promise.all(users.map((u) => db.user.findUniqueOrThrow({ where: { id: u.id }, select: { name: true } })));
    expect(names.map((n) => n.name)).toEqual(["renamed 0", "renamed 1", null, "renamed 3"]);
  });
});
