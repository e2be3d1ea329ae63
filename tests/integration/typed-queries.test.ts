import { describe, expect, it } from "vitest";
import { engineOf, epochMs, jsonArrayAgg, jsonRows, kdb, transaction } from "@/lib/db";
import { sql } from "kysely";
import { isPostgresUrl } from "@/lib/db/url";
import { env } from "@/lib/env";
import { makeUser } from "./helpers";

// A bad-day check-in on study day 3, written at a time with milliseconds.
async function checkInOn(userId: string): Promise<Date> {
  const at = new Date("2026-12-01T21:50:00.123Z");
  await kdb
    .insertInto("BackCheckIn")
    .values({ id: `ci-${userId}`, userId, studyDay: 3, badDay: true, createdAt: at })
    .execute();
  return at;
}

// lib/db/kysely.ts: Kysely's queries on the hand-written driver layer, with every value typed
// as the schema says on both engines.
describe("typed queries", () => {
  it("read a DateTime column as a Date and a Boolean column as a boolean", async () => {
    const user = await makeUser();
    const row = await kdb.selectFrom("User").select(["createdAt", "enableFuzz", "newCardsPerDay"]).where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.enableFuzz).toBe(true);
    expect(row.newCardsPerDay).toBe(10);
  });

  it("write a Date and a boolean that read back equal", async () => {
    const user = await makeUser();
    const at = await checkInOn(user.id);
    const row = await kdb.selectFrom("BackCheckIn").select(["badDay", "flare", "createdAt"]).where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ badDay: true, flare: false, createdAt: at });
  });

  it("fold a query's rows into one JSON array of values, exact to the millisecond, and an empty array when it has none", async () => {
    const user = await makeUser();
    const at = await checkInOn(user.id);
    const folded = (userId: string) =>
      kdb
        .selectFrom("BackCheckIn as b")
        .where("b.userId", "=", userId)
        .select(jsonArrayAgg(kdb, [epochMs(kdb, "b.createdAt"), sql.ref("b.studyDay")]).as("all"))
        .executeTakeFirstOrThrow();
    expect(jsonRows<[number, number]>((await folded(user.id)).all)).toEqual([[at.getTime(), 3]]);
    expect(jsonRows((await folded("nobody")).all)).toEqual([]);
  });

  it("tell their engine when the adapter's class is another bundled copy of Kysely's", () => {
    // next build may bundle lib/db/kysely.ts into several chunks, each with its own Kysely
    // classes, while the process's one Kysely (on globalThis) was built by one of them.
    const adapter = kdb.getExecutor().adapter;
    const own = Object.getPrototypeOf(adapter) as object;
    const copy = Object.create(Object.getPrototypeOf(own) as object) as object;
    for (const name of Object.getOwnPropertyNames(own)) Object.defineProperty(copy, name, Object.getOwnPropertyDescriptor(own, name)!);
    Object.setPrototypeOf(adapter, copy);
    try {
      expect(engineOf(kdb)).toBe(isPostgresUrl(env().DATABASE_URL) ? "postgres" : "sqlite");
    } finally {
      Object.setPrototypeOf(adapter, own);
    }
  });

  it("count the rows an update changed", async () => {
    const user = await makeUser();
    const r = await kdb.updateTable("User").set({ newCardsPerDay: 12 }).where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(r.numUpdatedRows).toBe(1n);
  });

  it("commit a transaction's statements together, or none of them", async () => {
    const user = await makeUser();
    await transaction(async (tx) => {
      await tx.updateTable("User").set({ newCardsPerDay: 15 }).where("id", "=", user.id).execute();
      await tx.updateTable("User").set({ maximumInterval: 100 }).where("id", "=", user.id).execute();
    });
    const failed = transaction(async (tx) => {
      await tx.updateTable("User").set({ newCardsPerDay: 20 }).where("id", "=", user.id).execute();
      throw new Error("rolled back");
    });
    await expect(failed).rejects.toThrow("rolled back");
    const row = await kdb.selectFrom("User").select(["newCardsPerDay", "maximumInterval"]).where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ newCardsPerDay: 15, maximumInterval: 100 });
  });

  it("answer a write with RETURNING outside a transaction", async () => {
    const user = await makeUser();
    const rows = await kdb.updateTable("User").set({ enableFuzz: false }).where("id", "=", user.id).returning(["enableFuzz"]).execute();
    expect(rows).toEqual([{ enableFuzz: false }]);
  });
});
