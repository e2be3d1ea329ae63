import path from "node:path";

// UNKNOT_TEST_TAG lets two test runs in one checkout use separate database files.
const tag = process.env.UNKNOT_TEST_TAG ?? "integration";
export const INTEGRATION_DB = path.resolve(import.meta.dirname, `../../data/test/${tag}.db`);
export const INTEGRATION_URL = `file:${INTEGRATION_DB}`;
