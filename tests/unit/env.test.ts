import { describe, expect, it } from "vitest";
import { benchEnv, DEFAULT_DATABASE_URL, env, parseEnv, sessionSecret, testEnv, withEnv } from "@/lib/env";

describe("the environment", () => {
  it("needs nothing: every setting has a default", () => {
    expect(parseEnv({})).toEqual({
      DATABASE_URL: DEFAULT_DATABASE_URL,
      PORT: 3000,
      UNKNOT_TRUSTED_PROXIES: 0,
      DATABASE_POOL_SIZE: 10,
      UNKNOT_SEED_DEMO: true,
      UNKNOT_SIGNUPS_PER_HOUR: 10,
      UNKNOT_OFFLINE_MAX_AGE_DAYS: 30,
      UNKNOT_DIST_DIR: ".next",
      UNKNOT_PROFILE_BUILD: false,
      UNKNOT_BENCH_STATEMENTS: false,
      VAPID_SUBJECT: "mailto:admin@localhost",
    });
  });

  it("sees a variable changed while the process runs, and an invalid change is refused at the next read", async () => {
    // Read twice: the second read answers from the parse the first one kept.
    const seen = (value: string) => withEnv({ UNKNOT_SIGNUPS_PER_HOUR: value }, () => [env().UNKNOT_SIGNUPS_PER_HOUR, env().UNKNOT_SIGNUPS_PER_HOUR]);
    expect(await seen("7")).toEqual([7, 7]);
    expect(await seen("8")).toEqual([8, 8]);
    await expect(seen("many")).rejects.toThrow(/UNKNOT_SIGNUPS_PER_HOUR must be a whole number/);
  });

  it("puts back what was set, and unsets what was not, after running with other values, even when the run fails", async () => {
    const before = env().UNKNOT_SIGNUPS_PER_HOUR;
    await expect(
      withEnv({ UNKNOT_SIGNUPS_PER_HOUR: "3", UNKNOT_ENV_TEST_PROBE: "on" }, () => {
        throw new Error("the run failed");
      }),
    ).rejects.toThrow("the run failed");
    expect(env().UNKNOT_SIGNUPS_PER_HOUR).toBe(before);
    expect(Object.keys(process.env)).not.toContain("UNKNOT_ENV_TEST_PROBE");
  });

  it("reads the test suites' settings with their defaults", () => {
    expect(testEnv({})).toEqual({ UNKNOT_TEST_ENGINE: "sqlite", UNKNOT_TEST_TAG: "integration", E2E_PORT: 3100, LAYOUT_LOG: false, PRINT_STATEMENTS: false });
    expect(testEnv({ E2E_PORT: "3300", UNKNOT_TEST_ENGINE: "postgres", LAYOUT_LOG: "1" })).toMatchObject({
      E2E_PORT: 3300,
      UNKNOT_TEST_ENGINE: "postgres",
      LAYOUT_LOG: true,
    });
    expect(() => testEnv({ UNKNOT_TEST_PG_URL: "mysql://x" })).toThrow(/UNKNOT_TEST_PG_URL must be a PostgreSQL URL/);
  });

  it("has no fallback for the session secret: a missing one is an error that says how to set it", () => {
    expect(() => sessionSecret(parseEnv({}))).toThrow(/NEXTAUTH_SECRET is not set.*npm start/);
    const secret = "a-secret-of-at-least-thirty-two-characters";
    expect(sessionSecret(parseEnv({ NEXTAUTH_SECRET: secret }))).toBe(secret);
  });

  it("reads the bench's settings with their defaults and refuses a malformed one", () => {
    expect(benchEnv({})).toMatchObject({ UNKNOT_BENCH_PORT: 3400, UNKNOT_BENCH_SECONDS: 20, UNKNOT_BENCH_PG_DB: "unknot_bench", GUEST_ONLY: false });
    expect(benchEnv({ UNKNOT_BENCH_LIGHTHOUSE_PAGES: "/learn, /review" })).toMatchObject({
      UNKNOT_BENCH_LIGHTHOUSE_PAGES: ["/learn", "/review"],
      UNKNOT_BENCH_LIGHTHOUSE_RUNS: 3,
    });
    expect(() => benchEnv({ UNKNOT_BENCH_SECONDS: "soon" })).toThrow(/UNKNOT_BENCH_SECONDS/);
  });

  it("refuses a malformed VAPID key, naming it without echoing the private one", () => {
    expect(() => parseEnv({ VAPID_PRIVATE_KEY: "not-a-key" })).toThrow(/VAPID_PRIVATE_KEY must be a base64url P-256 private key/);
    expect(() => parseEnv({ VAPID_PRIVATE_KEY: "not-a-key" })).not.toThrow(/not-a-key/);
    expect(() => parseEnv({ VAPID_SUBJECT: "admin@example.com" })).toThrow(/VAPID_SUBJECT must start with "mailto:"/);
  });

  it("reads set values into their types, treating empty ones as unset", () => {
    expect(
      parseEnv({ PORT: "8080", UNKNOT_TRUSTED_PROXIES: "1", UNKNOT_SEED_DEMO: "0", NEXTAUTH_URL: "https://unknot.example", DATABASE_URL: "" }),
    ).toMatchObject({
      PORT: 8080,
      UNKNOT_TRUSTED_PROXIES: 1,
      UNKNOT_SEED_DEMO: false,
      NEXTAUTH_URL: "https://unknot.example",
      DATABASE_URL: DEFAULT_DATABASE_URL,
    });
  });

  it.each([
    [{ PORT: "eighty" }, /PORT must be a whole number \(it is "eighty"\)/],
    [{ PORT: "70000" }, /PORT must be at most 65535/],
    [{ DATABASE_URL: "mysql://db/unknot" }, /DATABASE_URL must be a SQLite file/],
    [{ NEXTAUTH_URL: "localhost:3000" }, /NEXTAUTH_URL must be an http/],
    [{ UNKNOT_TRUSTED_PROXIES: "-1" }, /UNKNOT_TRUSTED_PROXIES must be at least 0/],
    [{ DATABASE_POOL_SIZE: "1.5" }, /DATABASE_POOL_SIZE must be a whole number/],
    [{ UNKNOT_SEED_DEMO: "yes" }, /UNKNOT_SEED_DEMO must be "0" or "1"/],
  ])("refuses %o with a message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("names a bad secret or database URL without echoing its value", () => {
    const message = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message({ NEXTAUTH_SECRET: "hunter2-hunter2" })).toMatch(/NEXTAUTH_SECRET must be at least 32 characters/);
    expect(message({ NEXTAUTH_SECRET: "hunter2-hunter2" })).not.toContain("hunter2");
    expect(message({ DATABASE_URL: "mysql://root:pw@db" })).toMatch(/DATABASE_URL/);
    expect(message({ DATABASE_URL: "mysql://root:pw@db" })).not.toContain("pw@db");
  });
});
