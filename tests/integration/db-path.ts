import path from "node:path";
import { testEnv } from "../../lib/env";

// UNKNOT_TEST_TAG lets two test runs in one checkout use separate database files.
const tag = testEnv().UNKNOT_TEST_TAG;
export const INTEGRATION_DB = path.resolve(import.meta.dirname, `../../data/test/${tag}.db`);

// The integration suite runs against SQLite, and again against PostgreSQL when
// UNKNOT_TEST_PG_URL names a server (the "integration-postgres" project sets UNKNOT_TEST_ENGINE).
export function integrationUrl(engine = testEnv().UNKNOT_TEST_ENGINE): string {
  if (engine === "postgres") {
    const url = testEnv().UNKNOT_TEST_PG_URL;
    if (!url) throw new Error("UNKNOT_TEST_PG_URL is not set");
    return url;
  }
  return `file:${INTEGRATION_DB}`;
}
