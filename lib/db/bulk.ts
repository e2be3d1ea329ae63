import { Prisma } from "@prisma/client";

type Executor = { $executeRaw: (query: Prisma.Sql) => Prisma.PrismaPromise<number> };
type Value = string | number | boolean | Date | null;

// Multi-row INSERTs for bulk writes (account import, benchmark seeding). Prisma's createMany
// costs about 0.7 ms a row here, several times a plain INSERT; on SQLite the write lock is
// held all that time. Prisma.sql binds every value and writes the placeholders each engine
// expects; column names come from our own row objects, never from input. Each statement
// stays under the engines' limits on bound parameters (SQLite 32,766; PostgreSQL 65,535).
export async function insertRows(db: Executor, table: string, rows: Record<string, Value>[], afterEach?: () => Promise<unknown>): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  if (![table, ...cols].every((name) => /^[A-Za-z][A-Za-z0-9]*$/.test(name))) throw new Error(`insertRows: bad identifier in ${table}`);
  const columnList = Prisma.raw(cols.map((c) => `"${c}"`).join(", "));
  const per = Math.floor(30_000 / cols.length);
  for (let s = 0; s < rows.length; s += per) {
    const tuples = rows.slice(s, s + per).map((r) => Prisma.sql`(${Prisma.join(cols.map((c) => r[c] ?? null))})`);
    await db.$executeRaw(Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList}) VALUES ${Prisma.join(tuples)}`);
    await afterEach?.();
  }
}
