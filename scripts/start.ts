// `npm start`: prepare the database, build if the sources changed, then serve production.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ensureAuthSecret, sourceHash } from "./env";
import { prepareDatabase } from "./prepare-db";
import { env, EnvError } from "../lib/env";
import { SERVER_NODE_FLAGS } from "./server-flags";

const NEXT = "node_modules/next/dist/bin/next";
const HASH_FILE = ".next/unknot-source-hash";
// scripts/serve.ts, bundled by scripts/build.ts.
const SERVER = ".next/unknot-serve.mjs";

async function main() {
  const dev = process.argv.includes("--dev");
  const config = env(); // a malformed setting stops here, naming the variable
  ensureAuthSecret();
  await prepareDatabase({ seedDemo: config.UNKNOT_SEED_DEMO });

  if (!dev) {
    const hash = sourceHash();
    const built = existsSync(".next/BUILD_ID") && existsSync(SERVER) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, "utf8") === hash;
    if (!built) {
      console.log("[unknot] building the app (first start or changed sources)…");
      // The Next build and then the offline service worker (scripts/build.ts).
      execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      writeFileSync(HASH_FILE, hash);
    }
  }
  // Production runs our own server (scripts/serve.ts) for the client address; `next dev`
  // takes X-Forwarded-For as the client sends it, which is acceptable on a developer's machine.
  const args = dev ? [NEXT, "dev", "--port", String(config.PORT)] : [...SERVER_NODE_FLAGS, SERVER];
  const child = spawn(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...(config.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "1" }) },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
});
