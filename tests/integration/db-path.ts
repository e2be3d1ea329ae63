import path from "node:path";

export const INTEGRATION_DB = path.resolve(import.meta.dirname, "../../data/test/integration.db");
export const INTEGRATION_URL = `file:${INTEGRATION_DB}`;
