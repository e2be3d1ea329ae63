// Creates, migrates and seeds the database: run by `npm start`, `npm run dev` and the tests.
// Safe beside running servers and beside another preparation: the whole preparation (migrate,
// content sync, demo seed) runs under one lock that waits (withPreparationLock below), and
// SQLite migrations run only when one is pending, since Prisma's schema engine cannot open a
// file another connection holds.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../lib/db/url";
import { readLessonFiles } from "../lib/content/load";
import { syncCatalogue } from "../lib/content/sync";
import { seedDemoAccount } from "./seed-demo";
import { migratePostgres } from "../lib/db/migrate-postgres";

// PostgreSQL advisory lock held around the whole preparation (migratePostgres takes its own,
// another id, inside it).
const PREPARE_LOCK_ID = 72707370;
// How long a preparation waits for another one (a first migration and demo seed take seconds).
const PREPARE_WAIT_MS = 120_000;

// `url`: the database to prepare (default the one DATABASE_URL names).
export async function prepareDatabase({ url = databaseUrl(), seedDemo = true, quiet = false } = {}) {
  const log = (s: string) => quiet || console.log(`[unknot] ${s}`);
  const postgres = isPostgresUrl(url);
  if (!postgres) mkdirSync(dirname(sqliteFilePath(url)), { recursive: true });
  await withPreparationLock(url, async () => {
    if (postgres) {
      const applied = await migratePostgres(url);
      log(`PostgreSQL: ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}`);
    } else {
      const pending = pendingSqliteMigrations(sqliteFilePath(url));
      if (pending.length) migrateSqlite(url, pending, quiet);
      log(`SQLite: ${pending.length ? `applied ${pending.join(", ")}` : "schema up to date"}`);
    }
    const db = createPrismaClient(url);
    try {
      if (!postgres) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
      const lessons = readLessonFiles()
        .map((l) => l.lesson)
        .sort((a, b) => a.order - b.order);
      const r = await syncCatalogue(db, lessons);
      log(`content: ${r.added} added, ${r.updated} updated, ${r.retired} retired, ${r.restored} restored, ${r.unchanged} unchanged`);
      if (seedDemo) log(`demo account: ${await seedDemoAccount(db, lessons)}`);
    } finally {
      await db.$disconnect();
    }
  });
}

// One preparation at a time per database, across processes; the lock goes with its holder if
// that process dies. PostgreSQL: a session advisory lock. SQLite: an exclusive transaction on a
// lock file beside the database (`<file>.prepare-lock`), so that the database itself stays
// open to the servers already running on it.
async function withPreparationLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`SET lock_timeout = ${PREPARE_WAIT_MS}`);
      await client.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK_ID]);
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PREPARE_LOCK_ID]).catch(() => undefined);
      await client.end();
    }
  }
  const lock = new Database(`${sqliteFilePath(url)}.prepare-lock`, { timeout: PREPARE_WAIT_MS });
  try {
    lock.exec("BEGIN EXCLUSIVE");
    return await fn();
  } finally {
    if (lock.inTransaction) lock.exec("ROLLBACK");
    lock.close();
  }
}

// The migrations in prisma/migrations that the file has not applied (all of them for a new file).
export function pendingSqliteMigrations(file: string, dir = path.resolve("prisma/migrations")): string[] {
  const names = readdirSync(dir)
    .filter((n) => /^\d{14}_/.test(n))
    .sort();
  if (!existsSync(file)) return names;
  const d = new Database(file, { readonly: true, fileMustExist: true, timeout: PREPARE_WAIT_MS });
  try {
    if (!d.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get()) return names;
    const rows = d.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as {
      migration_name: string;
    }[];
    const done = new Set(rows.map((r) => r.migration_name));
    return names.filter((n) => !done.has(n));
  } finally {
    d.close();
  }
}

function migrateSqlite(url: string, pending: string[], quiet: boolean) {
  try {
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      stdio: quiet ? "ignore" : "inherit",
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch {
    throw new Error(
      `Applying the pending database migrations (${pending.join(", ")}) failed. Prisma's migration engine needs the SQLite file to itself: stop the other servers using it, then start again.`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase({ seedDemo: !process.argv.includes("--no-demo") }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
