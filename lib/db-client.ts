import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./db-url";

// Shared by the app (through lib/db.ts) and by scripts and tests, which run outside Next.
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  // 5 s busy timeout: writers queue behind one another instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 5000 });
  const client = new PrismaClient({ adapter, log: ["error"] });
  // WAL is a property of the file (set when the database is prepared); synchronous is per
  // connection. FULL makes every acknowledged commit survive a power loss, not only a crash.
  // Prisma queries are lazy: .then() sends this one first, ahead of anything the app asks.
  client.$queryRawUnsafe("PRAGMA synchronous = FULL").then(
    () => undefined,
    (e: unknown) => console.error("could not set PRAGMA synchronous", e),
  );
  return client;
}
