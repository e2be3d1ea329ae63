// The TypeScript half of `npm start` and `npm run dev` (the launcher is scripts/start.mjs):
// check the settings, prepare the database, build if the sources changed, and hand the
// launcher the server's command line and environment as JSON on file descriptor 3. It runs
// under tsx in a process that exits before the server starts, so the loader's memory (about
// 190 MiB, measured idle) is not kept for the server's lifetime.
import { writeSync } from "node:fs";
import { ensureAuthSecret, ensureVapidKeys } from "./env";
import { ensureBuilt, serverFile } from "./built";
import { prepareDatabase } from "./prepare-db";
import { env, EnvError } from "../lib/env";
import { SERVER_NODE_FLAGS } from "./server-flags";

const NEXT = "node_modules/next/dist/bin/next";
const PLAN_FD = 3;

// The server process's Node arguments and its whole environment (the generated
// NEXTAUTH_SECRET included).
type ServerPlan = { args: string[]; env: Record<string, string | undefined> };

async function main() {
  const dev = process.argv.includes("--dev");
  const config = env(); // a malformed setting stops here, naming the variable
  ensureAuthSecret();
  ensureVapidKeys();
  await prepareDatabase({ seedDemo: config.UNKNOT_SEED_DEMO });

  if (!dev) ensureBuilt("[unknot] building the app (first start or changed sources)…");
  // Production runs our own server (scripts/serve.ts) for the client address; `next dev`
  // takes X-Forwarded-For as the client sends it, which is acceptable on a developer's machine.
  const plan: ServerPlan = {
    args: dev ? [NEXT, "dev", "--port", String(config.PORT)] : [...SERVER_NODE_FLAGS, serverFile()],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...(config.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "1" }) },
  };
  writeSync(PLAN_FD, JSON.stringify(plan));
}

main().catch((e) => {
  if (e?.code === "EBADF") console.error("scripts/start.ts is run by `npm start` (scripts/start.mjs), which reads its plan.");
  else console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
});
