import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureBuilt } from "../e2e/server";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

// A database of its own on the CI's PostgreSQL server, so the integration suite can run beside it.
export default async function setup(project: TestProject) {
  ensureBuilt();
  const admin = new URL(process.env.UNKNOT_TEST_PG_URL!);
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query("DROP DATABASE IF EXISTS unknot_e2e WITH (FORCE)");
  await client.query("CREATE DATABASE unknot_e2e");
  await client.end();
  const url = new URL(admin);
  url.pathname = "/unknot_e2e";
  process.env.DATABASE_URL = url.toString();
  const { prepareDatabase } = await import("../../scripts/prepare-db");
  await prepareDatabase({ seedDemo: false, quiet: true });
  project.provide("pgUrl", url.toString());
}
