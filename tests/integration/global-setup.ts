import { rmSync } from "node:fs";
import { INTEGRATION_DB, integrationUrl } from "./db-path";
import { isPostgresUrl } from "../../lib/db/url";

// A fresh database, migrated and synced with the content exactly as `npm start` prepares the
// real one. Global setup runs in vitest's main process, where the project's `env` is not
// applied, so each engine has its own entry (global-setup-postgres.ts sets the engine).
export async function prepare(url: string) {
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  } else {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(INTEGRATION_DB + suffix, { force: true });
  }
  const { prepareDatabase } = await import("../../scripts/prepare-db");
  await prepareDatabase({ url, seedDemo: false, quiet: true });
}

export default async function setup() {
  await prepare(integrationUrl("sqlite"));
}
