import { describe, expect, it } from "vitest";
import { createSql, sql } from "@/lib/db/sql";
import { num, str } from "@/lib/db/row";
import { integrationUrl } from "../db-path";

// PostgreSQL only (the integration-postgres project; SQLite's statements are prepared by
// better-sqlite3). A pg query without a name is parsed and planned on every call; naming
// each SQL text made the server's share of a grade small enough to take grading capacity
// from 0.29× to 0.52× the ping floor on the 2-core bench machine.
describe("the hot path's statements on PostgreSQL", () => {
  it("are parsed once per connection and then executed from the prepared statement", async () => {
    const db = createSql(integrationUrl("postgres"), 1); // one connection: every call shares it
    try {
      const answers: number[] = [];
      for (const i of [4, 5, 6]) answers.push(num((await db.get(sql`SELECT ${i}::int AS "n"`))!.n));
      expect(answers).toEqual([4, 5, 6]);
      const prepared = await db.all(
        sql`SELECT "statement", "generic_plans" + "custom_plans" AS "runs" FROM pg_prepared_statements WHERE NOT "from_sql" AND "statement" = ${'SELECT $1::int AS "n"'}`,
      );
      expect(prepared.map((r) => ({ statement: str(r.statement), runs: num(r.runs) }))).toEqual([{ statement: 'SELECT $1::int AS "n"', runs: 3 }]);
    } finally {
      await db.close();
    }
  });

  it("are planned once per connection for any values, so that no run is planned again for its own values", async () => {
    const db = createSql(integrationUrl("postgres"), 1);
    try {
      // The ids differ on every run, as the users of a grading load do.
      for (let i = 0; i < 8; i++) await db.all(sql`SELECT count(*) AS "n" FROM "Card" WHERE "userId" = ${`user-${i}`} AND "state" = ${i % 4}`);
      const plans = await db.all(
        sql`SELECT "generic_plans", "custom_plans" FROM pg_prepared_statements WHERE NOT "from_sql" AND "statement" LIKE ${'SELECT count(*) AS "n" FROM "Card"%'}`,
      );
      expect(plans.map((r) => ({ generic: num(r.generic_plans), custom: num(r.custom_plans) }))).toEqual([{ generic: 8, custom: 0 }]);
    } finally {
      await db.close();
    }
  });
});
