import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureBuilt } from "../../scripts/shared/server";
import { testEnv } from "../../lib/env";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

// A database of its own on the CI's PostgreSQL server, so the integration suite can run beside
// it: named after UNKNOT_TEST_PG_URL's database (unknot → unknot_e2e), so that suites run with
// different databases on one server keep apart.
export default async function setup(project: TestProject) {
  ensureBuilt();
  const admin = new URL(testEnv().UNKNOT_TEST_PG_URL!);
  const name = `${admin.pathname.slice(1) || "unknot"}_e2e`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const { prepareDatabase } = await import("../../scripts/prepare-db");
  await prepareDatabase({ url: url.toString(), seedDemo: false, quiet: true });
  project.provide("pgUrl", url.toString());
}
