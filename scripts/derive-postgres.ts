// Derives the PostgreSQL schema and its migrations from the one data model, prisma/schema.prisma.
//   npx tsx scripts/derive-postgres.ts          write prisma/postgres/schema.prisma and, if the
//                                               model changed, a new migration beside it
//   npx tsx scripts/derive-postgres.ts --check  exit 1 if the derived files are out of date
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE = path.join(ROOT, "prisma/schema.prisma");
const TARGET_DIR = path.join(ROOT, "prisma/postgres");
const TARGET = path.join(TARGET_DIR, "schema.prisma");
const MIGRATIONS = path.join(TARGET_DIR, "migrations");

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/derive-postgres.ts. Do not edit: edit the source and run `npm run db:derive-postgres`.\n";

export function derivePostgresSchema(source: string): string {
  const out = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    // A second generated client, so that the SQLite client stays the default import.
    .replace(/(provider\s*=\s*"prisma-client-js")/, '$1\n  output     = "../../node_modules/.prisma/client-pg"')
    // Kysely's table types with PostgreSQL's Date and boolean, beside the SQLite ones.
    .replace('output   = "../lib/db/generated"\n  fileName = "sqlite.ts"', 'output   = "../../lib/db/generated"\n  fileName = "postgres.ts"');
  if (out === source) throw new Error("prisma/schema.prisma no longer has the expected datasource and generator blocks");
  return HEADER + out;
}

function diff(from: string | null, to: string): string {
  const args = ["node_modules/prisma/build/index.js", "migrate", "diff", "--script", "--to-schema-datamodel", to];
  if (from) args.push("--from-schema-datamodel", from);
  else args.push("--from-empty");
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function latestSqliteMigration(): string {
  const names = readdirSync(path.join(ROOT, "prisma/migrations"))
    .filter((n) => /^\d{14}_/.test(n))
    .sort();
  return names[names.length - 1]!;
}

function main() {
  const derived = derivePostgresSchema(readFileSync(SOURCE, "utf8"));
  const current = existsSync(TARGET) ? readFileSync(TARGET, "utf8") : null;
  if (process.argv.includes("--check")) {
    if (current !== derived) {
      console.error("prisma/postgres/schema.prisma is out of date: run `npm run db:derive-postgres`.");
      process.exit(1);
    }
    return;
  }
  if (current === derived && existsSync(MIGRATIONS)) return console.log("PostgreSQL schema is up to date.");
  const tmp = mkdtempSync(path.join(tmpdir(), "unknot-pg-"));
  const next = path.join(tmp, "schema.prisma");
  writeFileSync(next, derived);
  const sql = diff(current ? TARGET : null, next);
  if (/^\s*(--[^\n]*\n\s*)*$/.test(sql.replace("-- This is an empty migration.", ""))) {
    console.log("No change to the PostgreSQL tables.");
  } else {
    const dir = path.join(MIGRATIONS, latestSqliteMigration());
    if (existsSync(dir)) throw new Error(`${dir} exists already: add a new SQLite migration first, so the two histories keep the same names.`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    writeFileSync(path.join(MIGRATIONS, "migration_lock.toml"), 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql`);
  }
  mkdirSync(TARGET_DIR, { recursive: true });
  writeFileSync(TARGET, derived);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
