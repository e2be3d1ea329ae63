// Creates, migrates and seeds the database: run by `npm start`, `npm run dev` and the tests.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../lib/db/url";
import { readLessonFiles } from "../lib/content/load";
import { syncCatalogue } from "../lib/content/sync";
import { seedDemoAccount } from "./seed-demo";
import { migratePostgres } from "../lib/db/migrate-postgres";

export async function prepareDatabase({ seedDemo = true, quiet = false } = {}) {
  const url = databaseUrl();
  const log = (s: string) => quiet || console.log(`[unknot] ${s}`);
  const postgres = isPostgresUrl(url);
  if (!postgres) mkdirSync(dirname(sqliteFilePath(url)), { recursive: true });
  if (postgres) {
    const applied = await migratePostgres(url);
    log(`PostgreSQL: ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}`);
  } else {
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      stdio: quiet ? "ignore" : "inherit",
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  }
  const db = createPrismaClient(url);
  try {
    if (!postgres) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const lessons = readLessonFiles().map((l) => l.lesson).sort((a, b) => a.order - b.order);
    const r = await syncCatalogue(db, lessons);
    log(`content: ${r.added} added, ${r.updated} updated, ${r.retired} retired, ${r.restored} restored, ${r.unchanged} unchanged`);
    if (seedDemo) log(`demo account: ${await seedDemoAccount(db, lessons)}`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase({ seedDemo: !process.argv.includes("--no-demo") }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
