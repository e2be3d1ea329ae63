import path from "node:path";
import { defineConfig } from "vitest/config";
import { testEnv } from "./lib/env";

const root = path.resolve(import.meta.dirname);
const alias = { "@": root, "server-only": path.join(root, "tests/stubs/server-only.ts") };

const integration = {
  include: ["tests/integration/**/*.test.ts"],
  // tests/integration/postgres/ holds what only PostgreSQL has; its project adds it.
  exclude: ["tests/integration/postgres/**"],
  environment: "node",
  globalSetup: ["tests/integration/global-setup.ts"],
  setupFiles: ["tests/integration/setup.ts"],
  // One database shared by the suite: files run one after another.
  fileParallelism: false,
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

// With a PostgreSQL server named in UNKNOT_TEST_PG_URL (CI starts one), the integration
// suite runs a second time against it.
const postgres = testEnv().UNKNOT_TEST_PG_URL
  ? [
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration-postgres",
          exclude: [],
          globalSetup: ["tests/integration/global-setup-postgres.ts"],
          env: { UNKNOT_TEST_ENGINE: "postgres" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e-postgres",
          include: ["tests/e2e-postgres/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e-postgres/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ]
  : [];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      { resolve: { alias }, test: { ...integration, name: "integration" } },
      ...postgres,
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
