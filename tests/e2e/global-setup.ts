import type { TestProject } from "vitest/node";
import { ensureBuilt, resetDatabase, startServer, type Server } from "../../scripts/shared/server";
import { E2E_PORT, SUITE_DB_FILE } from "./suite";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: Server | undefined;
const LOG_LINES = 80;

// One production build and one `next start` on a fresh, migrated, seeded database for the e2e suite.
export default async function setup(project: TestProject) {
  ensureBuilt();
  resetDatabase(SUITE_DB_FILE);
  // Every test signs up from 127.0.0.1; the sign-up limit is tested on a server of its own
  // (sign-in-abuse.test.ts).
  const env = { DATABASE_URL: `file:${SUITE_DB_FILE}`, NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000" };
  Object.assign(process.env, env);
  const { prepareDatabase } = await import("../../scripts/prepare-db");
  await prepareDatabase({ url: env.DATABASE_URL, seedDemo: true, quiet: true });
  // Only the server gets the raised limit: process.env is inherited by every test worker.
  server = await startServer(E2E_PORT, { ...env, UNKNOT_SIGNUPS_PER_HOUR: "100000" });
  project.provide("baseUrl", server.url);
  return async () => {
    // After a failure, the end of the shared server's own log (CI keeps the end of the output):
    // a server-side error behind a test that timed out shows there.
    if (server && project.vitest.state.getCountOfFailedTests() > 0) {
      console.error(`The e2e server's log, last ${LOG_LINES} lines:\n${server.log().split("\n").slice(-LOG_LINES).join("\n")}`);
    }
    await server?.stop();
  };
}
