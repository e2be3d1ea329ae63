import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { freshDatabase, ROOT, startServer, type Server } from "../../scripts/shared/server";
import { launchBrowser, middayContext, newEmail, PASSWORD } from "./browser";
import { createLoadUsers, LOAD_PASSWORD } from "../../scripts/load/users";
import { E2E_PORT } from "./suite";

// A server of its own, with the default throttling and no trusted proxy, reached from
// several loopback addresses: Linux accepts any 127.x.y.z as a source address.
const PORT = E2E_PORT + 2;
const FILE = path.join(ROOT, `data/test/abuse-${PORT}.db`);
const URL = `file:${FILE}`;
const SIGNUPS_PER_HOUR = 3;

let server: Server | undefined;
let db: PrismaClient | undefined;
let browser: Browser | undefined;
let owner: string;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(method: string, pathname: string, opts: { from: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: pathname,
        method,
        localAddress: opts.from,
        headers: { ...opts.headers, ...(opts.body ? { "content-length": Buffer.byteLength(opts.body) } : {}) },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

const cookiesOf = (r: Reply) => (r.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);

// next-auth's credentials sign-in without a browser, from one source address. Returns
// whether a session was issued, and the message next-auth passed on from authorize().
async function signInFrom(from: string, email: string, password: string, forwardedFor?: string): Promise<{ ok: boolean; error: string | null }> {
  const xff = forwardedFor ? { "x-forwarded-for": forwardedFor } : undefined;
  const csrf = await request("GET", "/api/auth/csrf", { from, headers: xff });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await request("POST", "/api/auth/callback/credentials", {
    from,
    headers: { ...xff, "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const ok = cookiesOf(res).some((c) => c.includes("session-token="));
  const url = res.status === 200 || res.status === 401 ? (JSON.parse(res.body) as { url?: string }).url : res.headers.location;
  return { ok, error: url ? new globalThis.URL(url, "http://x").searchParams.get("error") : null };
}

beforeAll(async () => {
  await freshDatabase(FILE);
  db = createPrismaClient(URL);
  [owner] = await createLoadUsers(db, "owner", 1, 5);
  // No UNKNOT_TRUSTED_PROXIES and no NEXTAUTH_URL: the defaults a fresh install has.
  server = await startServer(PORT, {
    DATABASE_URL: URL,
    NEXTAUTH_SECRET: "abuse-test-secret-not-for-production-0",
    UNKNOT_SIGNUPS_PER_HOUR: String(SIGNUPS_PER_HOUR),
  });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.$disconnect();
});

describe("sign-in throttling from several addresses", () => {
  it("does not let a stranger at one address lock the owner, signing in from another, out", async () => {
    for (let i = 0; i < 8; i++) expect((await signInFrom("127.0.0.2", owner!, `wrong-guess-${i}`)).ok).toBe(false);
    const stranger = await signInFrom("127.0.0.2", owner!, LOAD_PASSWORD);
    expect(stranger).toEqual({ ok: false, error: expect.stringMatching(/Too many failed sign-in attempts\. Try again in \d+ minutes?/) });
    expect(await signInFrom("127.0.0.3", owner!, LOAD_PASSWORD)).toEqual({ ok: true, error: null });
  });

  it("keeps refusing after the per-address limit, whatever X-Forwarded-For each request forges", async () => {
    const outcomes: (string | null)[] = [];
    for (let i = 0; i < 30; i++) outcomes.push((await signInFrom("127.0.0.4", newEmail("spray"), "wrong-password-here", `203.0.113.${i + 1}`)).error);
    // 20 wrong answers, then refusals: the forged header never gave a fresh address.
    expect(outcomes.slice(0, 20).every((e) => e === "Wrong email or password.")).toBe(true);
    expect(outcomes.slice(20).every((e) => /Too many failed sign-in attempts/.test(e ?? ""))).toBe(true);
    const stored = await db!.signInAttempt.findMany({ where: { email: { startsWith: "spray-" } }, select: { ip: true }, distinct: ["ip"] });
    expect(stored).toEqual([{ ip: "127.0.0.4" }]);
  });
});

describe("sign-up throttling", () => {
  it("refuses more new accounts from one address than the hourly limit, with a message saying when to retry", async () => {
    const context = await middayContext(browser!);
    // A forged header on every request changes nothing either.
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.7" });
    const page = await context.newPage();
    const signUp = async () => {
      await page.goto(`${server!.url}/sign-up`);
      await page.getByLabel("Email").fill(newEmail("signup"));
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
    };
    for (let i = 0; i < SIGNUPS_PER_HOUR; i++) {
      await signUp();
      await page.waitForURL((u) => u.pathname !== "/sign-up", { timeout: 30_000 });
      await context.clearCookies();
    }
    await signUp();
    await expect(page.getByRole("alert").filter({ hasText: "Too many new accounts" }).textContent()).resolves.toMatch(
      /Try again in \d+ minutes? \(after \d\d:\d\d UTC\)/,
    );
    expect(await db!.user.count({ where: { email: { startsWith: "signup-" } } })).toBe(SIGNUPS_PER_HOUR);
    await context.close();
  });
});
