import { rmSync } from "node:fs";
import { INTEGRATION_DB, INTEGRATION_URL } from "./db-path";

// A fresh SQLite file, migrated with `prisma migrate deploy` and synced with the content,
// exactly as `npm start` prepares the real one.
export default async function setup() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(INTEGRATION_DB + suffix, { force: true });
  process.env.DATABASE_URL = INTEGRATION_URL;
  const { prepareDatabase } = await import("../../scripts/prepare-db");
  await prepareDatabase({ seedDemo: false, quiet: true });
}
