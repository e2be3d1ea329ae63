import { sql, type Sql } from "@/lib/db/sql";

// Keeps every write lane of `db` busy (PostgreSQL has two, SQLite one) until the returned
// release is awaited, so that writes sent meanwhile wait and then run as one group commit.
export function holdWriteLanes(db: Pick<Sql, "transaction">): () => Promise<void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const hold = () =>
    db.transaction(async (tx) => {
      await tx.all(sql`SELECT 1 AS "n"`);
      await held;
    });
  const done = Promise.all([hold(), hold()]);
  return async () => {
    release();
    await done;
  };
}
