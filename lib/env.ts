import { z } from "zod";

// Every setting the app reads from the environment, checked in one place. A malformed value
// stops the server at start with a message naming the variable, instead of surfacing later as
// a confusing failure (a pool of NaN connections, a redirect to a broken URL).

export const DEFAULT_DATABASE_URL = "file:./data/unknot.db";

const unset = (v: unknown) => (v === "" ? undefined : v);
const int = (min: number, max: number, fallback: number) =>
  z.preprocess(
    unset,
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );
const flag = (fallback: boolean) =>
  z.preprocess(
    unset,
    z
      .enum(["0", "1", "true", "false"], { error: 'must be "0" or "1"' })
      .transform((v) => v === "1" || v === "true")
      .default(fallback),
  );

// A switch that is on when set to anything (VERBOSE=1).
const present = z.preprocess(unset, z.string().optional()).transform(Boolean);
const pgUrl = z.preprocess(
  unset,
  z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL ("postgresql://…")')
    .optional(),
);

type Source = Record<string, string | undefined>;

const schema = z.object({
  DATABASE_URL: z.preprocess(
    unset,
    z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must be a SQLite file ("file:./data/unknot.db") or a PostgreSQL URL ("postgresql://…")')
      .default(DEFAULT_DATABASE_URL),
  ),
  PORT: int(1, 65_535, 3000),
  // Signs the session JWTs; `npm start` generates one when it is unset.
  NEXTAUTH_SECRET: z.preprocess(unset, z.string().min(32, "must be at least 32 characters (for example `openssl rand -base64 32`)").optional()),
  // The site's public URL. Unset, redirects go back to the host the request came to.
  NEXTAUTH_URL: z.preprocess(unset, z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional()),
  // How many reverse proxies in front of the app append to X-Forwarded-For. 0: the client
  // address is the socket's, and any X-Forwarded-For a client sends is ignored.
  UNKNOT_TRUSTED_PROXIES: int(0, 10, 0),
  DATABASE_POOL_SIZE: int(1, 1000, 10),
  UNKNOT_SEED_DEMO: flag(true),
  // Accounts one client address may create per hour.
  UNKNOT_SIGNUPS_PER_HOUR: int(1, 100_000, 10),
  // How old a review made offline may be when it reaches the server (lib/srs/review/sync.ts).
  UNKNOT_OFFLINE_MAX_AGE_DAYS: int(1, 3650, 30),
  // Where the production build lives (beside the one `npm start` serves, for tests).
  UNKNOT_DIST_DIR: z.preprocess(unset, z.string().default(".next")),
  // A build whose code stays readable in CPU profiles (next.config.js reads it; docs/benchmark.md).
  UNKNOT_PROFILE_BUILD: flag(false),
  // Set by the bench on its server: GET /api/ping reports the statement counter.
  UNKNOT_BENCH_STATEMENTS: flag(false),
  // Web push (review reminders): the VAPID key pair, base64url as web-push's generateVAPIDKeys
  // gives it; `npm start` generates one when both are unset. Unset in a server, push is off.
  VAPID_PUBLIC_KEY: z.preprocess(
    unset,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (87 characters)")
      .optional(),
  ),
  VAPID_PRIVATE_KEY: z.preprocess(
    unset,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (43 characters)")
      .optional(),
  ),
  // Who push services may contact about this sender: a mailto: or https: URL.
  VAPID_SUBJECT: z.preprocess(
    unset,
    z
      .string()
      .regex(/^(mailto:|https:\/\/)/, 'must start with "mailto:" or "https://"')
      .default("mailto:admin@localhost"),
  ),
});

export type Env = z.output<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Source): Env {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => {
    const name = String(i.path[0]);
    // Secrets and URLs (which may hold a password) are named, never echoed.
    const shown = /SECRET|URL|PRIVATE/.test(name) ? "" : ` (it is ${JSON.stringify(source[name])})`;
    return `  ${name} ${i.message}${shown}`;
  });
  throw new EnvError(`Invalid environment variable${lines.length > 1 ? "s" : ""}:\n${lines.join("\n")}`);
}

// The secret that signs and encrypts session tokens. There is no fallback: a server without
// one stops at start with this message (`npm start` generates one on first start).
export function sessionSecret(config: Env): string {
  if (!config.NEXTAUTH_SECRET)
    throw new EnvError(
      "NEXTAUTH_SECRET is not set. `npm start` generates one on first start; a server started any other way needs it in its environment (for example `openssl rand -base64 32`).",
    );
  return config.NEXTAUTH_SECRET;
}

// The bench's own settings (`npm run bench`, docs/benchmark.md), read by scripts/bench only.
const benchSchema = z.object({
  UNKNOT_BENCH_PORT: int(1, 65_535, 3400),
  UNKNOT_BENCH_PG_URL: pgUrl,
  UNKNOT_BENCH_PG_DB: z.preprocess(unset, z.string().default("unknot_bench")),
  UNKNOT_BENCH_SQLITE_FILE: z.preprocess(unset, z.string().default("data/bench/bench.db")),
  UNKNOT_BENCH_SECONDS: int(1, 3600, 20),
  UNKNOT_BENCH_PROFILE: z.preprocess(unset, z.string().optional()),
  // Lighthouse (scripts/bench/lighthouse.ts): runs per page, only these pages, where to keep the reports.
  UNKNOT_BENCH_LIGHTHOUSE_RUNS: int(1, 50, 3),
  UNKNOT_BENCH_LIGHTHOUSE_PAGES: z.preprocess(
    unset,
    z
      .string()
      .optional()
      .transform((v) => v?.split(",").map((p) => p.trim())),
  ),
  UNKNOT_BENCH_LIGHTHOUSE_DIR: z.preprocess(unset, z.string().optional()),
  GUEST_ONLY: present,
  VERBOSE: present,
});

export const benchEnv = (source: Source = process.env) => parseTool(benchSchema, source);

// The test suites' settings (docs/testing.md), read by tests/, vitest.config.ts, and the browser
// the end-to-end tests and the bench's Lighthouse run drive (scripts/shared/chromium.ts).
const testSchema = z.object({
  UNKNOT_TEST_PG_URL: pgUrl,
  // Set by vitest.config.ts on the integration suite's PostgreSQL project.
  UNKNOT_TEST_ENGINE: z.preprocess(unset, z.enum(["sqlite", "postgres"]).default("sqlite")),
  UNKNOT_TEST_TAG: z.preprocess(unset, z.string().default("integration")),
  E2E_PORT: int(1, 65_535, 3100),
  CHROMIUM_PATH: z.preprocess(unset, z.string().optional()),
  UNKNOT_SHOTS: z.preprocess(unset, z.string().optional()),
  LAYOUT_LOG: present,
  PRINT_STATEMENTS: present,
});

export const testEnv = (source: Source = process.env) => parseTool(testSchema, source);

function parseTool<S extends z.ZodType>(schema: S, source: Source): z.output<S> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  throw new EnvError(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${String(i.path[0])} ${i.message}`).join("\n")}`);
}

// Runs fn with these variables set (undefined: unset), then puts back what was there: for a
// test that tries a setting.
export async function withEnv<T>(vars: Source, fn: () => T | Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  setEnv(vars);
  try {
    return await fn();
  } finally {
    setEnv(saved);
  }
}

function setEnv(vars: Source): void {
  // Assigning undefined would store the string "undefined".
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

// Read on every call: scripts and tests point DATABASE_URL at other databases while running,
// and must see the change. Parsed again only when one of the variables changed: the proxy,
// the session check and the same-site check of every request read it, and the parse costs
// tens of microseconds a time.
const NAMES = Object.keys(schema.shape) as (keyof Env)[];
let last: { key: string; env: Env } | undefined;
export const env = (): Env => {
  const source = process.env;
  const key = NAMES.map((n) => source[n] ?? "\u0000").join("\u0001");
  if (last?.key !== key) last = { key, env: parseEnv(source) };
  return last.env;
};
