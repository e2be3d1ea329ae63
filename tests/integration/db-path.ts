import path from "node:path";

// UNKNOT_TEST_TAG lets two test runs in one checkout use separate database files.
const tag = process.env.UNKNOT_TEST_TAG ?? "integration";
export const INTEGRATION_DB = path.resolve(import.meta.dirname, `../../data/test/${tag}.db`);

// The integration suite runs against SQLite, and again against PostgreSQL when
// UNKNOT_TEST_PG_URL names a server (the "integration-postgres" project sets UNKNOT_TEST_ENGINE).
export function integrationUrl(engine = process.env.UNKNOT_TEST_ENGINE === "postgres" ? "postgres" : "sqlite"): string {
  if (engine === "postgres") {
    const url = process.env.UNKNOT_TEST_PG_URL;
    if (!url) throw new Error("UNKNOT_TEST_PG_URL is not set");
    return url;
  }
  return `file:${INTEGRATION_DB}`;
}
