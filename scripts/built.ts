// Where the production build lives and whether it matches the sources: shared by `npm start`
// (scripts/start.ts), the e2e suites and the bench, so all of them rebuild on the same rule.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sourceHash } from "./env";
import { env } from "../lib/env";

export const ROOT = path.resolve(import.meta.dirname, "..");

export function distDir(): string {
  return env().UNKNOT_DIST_DIR;
}

// scripts/serve.ts, bundled by scripts/build.ts into the build directory.
const SERVER_FILE = "unknot-serve.mjs";

export function serverFile(): string {
  return path.join(ROOT, distDir(), SERVER_FILE);
}

// Builds the production app, its service worker and the server bundle (scripts/build.ts)
// unless the build directory already holds a build of exactly these sources. `announce` is
// printed before a build starts (a first build takes minutes).
export function ensureBuilt(announce?: string): void {
  const dir = path.join(ROOT, distDir());
  const hashFile = path.join(dir, "unknot-source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(dir, "BUILD_ID")) && existsSync(serverFile()) && existsSync(hashFile) && readFileSync(hashFile, "utf8") === hash) return;
  if (announce) console.log(announce);
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  writeFileSync(hashFile, hash);
}
