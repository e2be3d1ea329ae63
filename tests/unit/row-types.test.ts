import { describe, expect, it } from "vitest";
import type { BooleanColumn, DateColumn, OtherColumn, PostgresTables, SqliteTables } from "@/lib/db/row-types";
import { BOOLEAN_COLUMNS, DATE_COLUMNS, sqliteRows } from "@/lib/db/row";
import { State } from "ts-fsrs";

// These checks are types: `npx tsc --noEmit` fails when one does not hold; the test runs them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type EveryTable<F> = false extends F[keyof F] ? false : true;

describe("the row mapping of lib/db/row.ts", () => {
  it("lists every DateTime and Boolean column of the schema", () => {
    const dates: Same<DateColumn, (typeof DATE_COLUMNS)[number]> = true;
    const booleans: Same<BooleanColumn, (typeof BOOLEAN_COLUMNS)[number]> = true;
    expect([dates, booleans]).toEqual([true, true]);
  });

  it("relies on no column name that has another type in another table", () => {
    const clash: Same<Extract<DateColumn | BooleanColumn, OtherColumn> | Extract<DateColumn, BooleanColumn>, never> = true;
    expect(clash).toBe(true);
  });

  it("maps the same tables and columns on both engines", () => {
    const tables: Same<keyof PostgresTables, keyof SqliteTables> = true;
    const columns: EveryTable<{ [T in keyof PostgresTables]: Same<keyof PostgresTables[T], keyof SqliteTables[T & keyof SqliteTables]> }> = true;
    expect([tables, columns]).toEqual([true, true]);
  });

  it("turns SQLite's ISO text into a Date and 0/1 into a boolean in every row, and leaves other columns alone", () => {
    const rows = sqliteRows([
      { due: "2026-12-01T21:50:00.123+00:00", leech: 1, safety: 0, state: State.Review, lastReview: null, id: "c1" },
      { due: null, leech: 0, safety: 1, state: State.New, lastReview: "2026-11-30T08:00:00.000+00:00", id: "c2" },
    ]);
    expect(rows).toEqual([
      { due: new Date("2026-12-01T21:50:00.123Z"), leech: true, safety: false, state: State.Review, lastReview: null, id: "c1" },
      { due: null, leech: false, safety: true, state: State.New, lastReview: new Date("2026-11-30T08:00:00.000Z"), id: "c2" },
    ]);
  });
});
