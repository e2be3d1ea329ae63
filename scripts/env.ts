import { randomBytes, createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "../lib/env";
import webpush from "web-push";

const SECRET_FILE = join(process.cwd(), ".secrets", "nextauth-secret");

// next-auth signs session JWTs with NEXTAUTH_SECRET; without one in the environment a random
// secret is made on first start and kept (git-ignored) so sessions survive restarts.
export function ensureAuthSecret(): void {
  if (env().NEXTAUTH_SECRET) return;
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(join(process.cwd(), ".secrets"), { recursive: true, mode: 0o700 });
    writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(SECRET_FILE, "utf8").trim();
}

const VAPID_FILE = join(process.cwd(), ".secrets", "vapid.json");

// Web push signs its requests with a VAPID key pair; like NEXTAUTH_SECRET, a pair is made on
// first start and kept (git-ignored) unless both keys are in the environment. Subscriptions
// are bound to the public key, so a new pair would silently end every learner's reminders.
export function ensureVapidKeys(): void {
  if (env().VAPID_PUBLIC_KEY && env().VAPID_PRIVATE_KEY) return;
  if (!existsSync(VAPID_FILE)) {
    mkdirSync(join(process.cwd(), ".secrets"), { recursive: true, mode: 0o700 });
    writeFileSync(VAPID_FILE, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600 });
  }
  const keys = JSON.parse(readFileSync(VAPID_FILE, "utf8")) as { publicKey: string; privateKey: string };
  process.env.VAPID_PUBLIC_KEY = keys.publicKey;
  process.env.VAPID_PRIVATE_KEY = keys.privateKey;
}

// Next's root convention files (instrumentation.ts, proxy.ts) are compiled into the build too.
export const BUILD_INPUTS = [
  "app",
  "lib",
  "content",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "scripts/body-idle.ts",
  "scripts/build.ts",
  "scripts/built.ts",
  "scripts/compile-hints.ts",
  "scripts/engine-date.ts",
  "scripts/env.ts",
  "scripts/paint-first-html.ts",
  "scripts/precompressed-static.ts",
  "scripts/serve.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(join(p, f), out);
  else out.push(p);
}

// A hash of everything the production build depends on, so `npm start` rebuilds only when needed.
export function sourceHash(): string {
  const files: string[] = [];
  for (const p of BUILD_INPUTS) walk(p, files);
  const h = createHash("sha256");
  // A profiling build (unminified) is not the build of the same sources without the switch.
  h.update(`profile:${env().UNKNOT_PROFILE_BUILD}`);
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest("hex");
}
