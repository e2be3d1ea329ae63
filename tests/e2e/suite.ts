import path from "node:path";
import BetterSqlite, { type Database } from "better-sqlite3";
import { ROOT } from "../../scripts/shared/server";
import { testEnv } from "../../lib/env";

// The port of the suite's server (global-setup.ts); files that start servers of their own add
// an offset to it, so that several runs can share a machine.
export const E2E_PORT = testEnv().E2E_PORT;

// The suite's SQLite database, for tests that set up what the pages would take days to reach.
export const SUITE_DB_FILE = path.join(ROOT, `data/test/e2e-${E2E_PORT}.db`);
export const SUITE_DB_URL = `file:${SUITE_DB_FILE}`;

// SQLite DateTime text as Prisma writes it.
export const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

// Runs `fn` on the suite's database with the ids of one user's cards (by email), then closes it.
export function withUserCards<T>(email: string, fn: (db: Database, cardIds: string[]) => T): T {
  const db = new BetterSqlite(SUITE_DB_FILE);
  try {
    const rows = db.prepare(`SELECT c."id" FROM "Card" c JOIN "User" u ON u."id" = c."userId" WHERE u."email" = ? ORDER BY c."id"`).all(email) as {
      id: string;
    }[];
    return fn(
      db,
      rows.map((r) => r.id),
    );
  } finally {
    db.close();
  }
}
