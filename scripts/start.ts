// `npm start`: prepare the database, build if the sources changed, then serve production.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ensureAuthSecret, ensureAuthUrl, sourceHash } from "./env";
import { prepareDatabase } from "./prepare-db";

const NEXT = "node_modules/next/dist/bin/next";
const HASH_FILE = ".next/unknot-source-hash";

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  ensureAuthSecret();
  ensureAuthUrl(port);
  await prepareDatabase({ seedDemo: process.env.UNKNOT_SEED_DEMO !== "0" });

  if (!dev) {
    const hash = sourceHash();
    const built = existsSync(".next/BUILD_ID") && existsSync(HASH_FILE) && readFileSync(HASH_FILE, "utf8") === hash;
    if (!built) {
      console.log("[unknot] building the app (first start or changed sources)…");
      execFileSync(process.execPath, [NEXT, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      writeFileSync(HASH_FILE, hash);
    }
  }
  const child = spawn(process.execPath, [NEXT, dev ? "dev" : "start", "--port", String(port)], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
