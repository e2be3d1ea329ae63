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
