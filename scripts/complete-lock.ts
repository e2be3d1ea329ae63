// Records in package-lock.json the optional per-platform packages that npm leaves out.
//
// `@open-spaced-repetition/binding` 0.5.0 names eleven platform packages as optional
// dependencies, but the registry publishes 0.5.0 only for linux-x64-gnu. `npm install` then
// skips the other ten silently and `npm ci` refuses the lock ("Missing: … from lock file").
// Each entry written here carries its os/cpu/libc, so npm skips it on other platforms and,
// being optional, tolerates its absence on its own platform.
//
// Run after regenerating the lock from scratch:
//   rm -rf node_modules package-lock.json && npm install && npx tsx scripts/complete-lock.ts
import fs from "node:fs";
import path from "node:path";

type LockEntry = {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  [k: string]: unknown;
};

// napi-rs names its platform packages <name>-<platform>-<arch>[-<abi>].
export function platformFields(suffix: string): Pick<LockEntry, "os" | "cpu" | "libc"> | null {
  const m = /^(android|darwin|linux|win32|freebsd)-(arm64|x64|ia32|arm)(?:-(gnu|musl|msvc|gnueabihf))?$/.exec(suffix);
  if (m) {
    const libc = m[3] === "gnu" || m[3] === "gnueabihf" ? ["glibc"] : m[3] === "musl" ? ["musl"] : undefined;
    return { os: [m[1]!], cpu: [m[2]!], ...(libc ? { libc } : {}) };
  }
  if (suffix === "wasm32-wasi") return { cpu: ["wasm32"] };
  return null;
}

export function completeLock(lock: { packages: Record<string, LockEntry> }): string[] {
  const added: string[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    const base = key.replace(/^.*node_modules\//, "");
    for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
      if (!dep.startsWith(`${base}-`) || lock.packages[`node_modules/${dep}`]) continue;
      const fields = platformFields(dep.slice(base.length + 1));
      if (!fields) continue;
      lock.packages[`node_modules/${dep}`] = { version: range.replace(/^[\^~]/, ""), optional: true, ...fields };
      added.push(dep);
    }
  }
  const entries = Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  lock.packages = Object.fromEntries(entries);
  return added;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = path.resolve(import.meta.dirname, "../package-lock.json");
  const lock = JSON.parse(fs.readFileSync(file, "utf8"));
  const added = completeLock(lock);
  fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
  console.log(added.length ? `Recorded ${added.length} platform packages: ${added.join(", ")}` : "The lock file already records every platform package.");
}
