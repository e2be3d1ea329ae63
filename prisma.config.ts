import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./lib/db/url";

// The schema's env("DATABASE_URL") must resolve even for `prisma generate`.
process.env.DATABASE_URL ??= databaseUrl();

// The JS engine drives migrations through the driver adapter and Prisma's WASM schema
// engine, so the CLI needs no native binary and no network.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl()) });
  },
});
