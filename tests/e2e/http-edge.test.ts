import net from "node:net";
import path from "node:path";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { APIRequestContext, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/db/client";
import { getLessons } from "@/lib/content/load";
import { gradeWithKeyboard, middayContext, newEmail, PASSWORD, signUp, useBrowser } from "./browser";
import { distDir, freshDatabase, ROOT, startServer, type Server } from "../../scripts/shared/server";
import { E2E_PORT, SUITE_DB_URL } from "./suite";
import { Rating } from "ts-fsrs";

// The edges of HTTP that a hostile page or client reaches: redirects (where they go, and that a
// link cannot sign anyone out), writes from other origins, HSTS and Secure cookies behind https,
// the script policy of personal pages, and malformed or stalled requests.

const baseUrl = inject("baseUrl");
// The same server, reached by another name: redirects must stay on it.
const byAddress = baseUrl.replace("localhost", "127.0.0.1");
const db = createPrismaClient(SUITE_DB_URL);
const browser = useBrowser();
const EVIL = /evil\.example/;

// Two servers of their own on one database: one with a public https URL, one behind a trusted
// proxy that says whether the client used https.
const PUBLIC_PORT = E2E_PORT + 30;
const PROXIED_PORT = E2E_PORT + 31;
const PUBLIC_URL = "https://learn.example";
let publicServer: Server | undefined;
let proxiedServer: Server | undefined;

beforeAll(async () => {
  const url = await freshDatabase(path.join(ROOT, `data/test/http-edge-${E2E_PORT}.db`));
  const env = { DATABASE_URL: url, NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000", UNKNOT_SEED_DEMO: "0" };
  [publicServer, proxiedServer] = await Promise.all([
    startServer(PUBLIC_PORT, { ...env, NEXTAUTH_URL: PUBLIC_URL }),
    startServer(PROXIED_PORT, { ...env, UNKNOT_TRUSTED_PROXIES: "1" }),
  ]);
});
afterAll(async () => {
  await Promise.all([publicServer?.stop(), proxiedServer?.stop()]);
  await db.$disconnect();
});

async function location(request: APIRequestContext, url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await request.get(url, { maxRedirects: 0, headers });
  expect(res.status(), url).toBeGreaterThanOrEqual(300);
  expect(res.status(), url).toBeLessThan(400);
  return res.headers()["location"]!;
}

async function signedInPage(host = baseUrl): Promise<{ page: Page; email: string }> {
  const context = await middayContext(browser());
  const page = await context.newPage();
  const email = await signUp(page, host);
  return { page, email };
}

describe("redirects", () => {
  it("ends a stale session on the host the browser came to", async () => {
    const { page, email } = await signedInPage(byAddress);
    await db.user.update({ where: { email }, data: { sessionVersion: { increment: 1 } } });
    await page.goto(`${byAddress}/review`);
    expect(page.url()).toBe(`${byAddress}/sign-in?callbackUrl=%2Freview`);
    expect((await page.context().request.get(`${byAddress}/api/review`)).status()).toBe(401);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("next-auth.session-token");
    await page.context().close();
  });

  it("sends the session-end redirect to NEXTAUTH_URL when it is set", async () => {
    const context = await middayContext(browser());
    expect(await location(context.request, `http://127.0.0.1:${PUBLIC_PORT}/api/session/end?next=%2Flearn`)).toBe(`${PUBLIC_URL}/learn`);
    expect(await location(context.request, `http://localhost:${PUBLIC_PORT}/api/session/end`)).toBe(`${PUBLIC_URL}/sign-in`);
    await context.close();
  });

  it("never leaves the site from the session-end route, whatever `next` hides", async () => {
    const context = await middayContext(browser());
    for (const next of [
      "/%09/evil.example",
      "/%0A/evil.example",
      "/%0D/evil.example",
      "%2F%5Cevil.example",
      "//evil.example",
      "https://evil.example",
      "/.//evil.example",
    ]) {
      const to = await location(context.request, `${byAddress}/api/session/end?next=${next}`);
      expect(new URL(to, byAddress).origin, next).toBe(byAddress);
      expect(to, next).not.toMatch(EVIL);
    }
    await context.close();
  });

  it("never leaves the site after signing in, whatever callbackUrl hides", async () => {
    const email = await (async () => {
      const context = await middayContext(browser());
      const e = await signUp(await context.newPage(), baseUrl, newEmail(), "/review", false);
      await context.close();
      return e;
    })();
    for (const callback of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%0D%2Fevil.example"]) {
      const context = await middayContext(browser());
      const page = await context.newPage();
      const requested: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      await page.goto(`${baseUrl}/sign-in?callbackUrl=${callback}`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((u) => u.pathname === "/review", { timeout: 30_000 });
      expect(new URL(page.url()).origin, callback).toBe(baseUrl);
      expect(
        requested.filter((u) => EVIL.test(new URL(u).host)),
        callback,
      ).toEqual([]);
      await context.close();
    }
  });

  it("cannot sign a live session out through a link to the session-end route", async () => {
    const { page } = await signedInPage();
    await page.goto(`${baseUrl}/api/session/end?next=%2Fsettings`);
    expect(new URL(page.url()).pathname).toBe("/settings");
    expect((await page.context().request.get(`${baseUrl}/api/review`)).status()).toBe(200);
    await page.context().close();
  });
});

describe("https", () => {
  const secureHint = (setCookie: string | undefined) => /unknot-signed-in=1;[^\n]*\bSecure\b/i.test(setCookie ?? "");
  // A session cookie (not a valid one) makes the proxy set the header's signed-in hint.
  const withSession = { cookie: "__Secure-next-auth.session-token=x" };

  it("sends HSTS and a Secure hint cookie when NEXTAUTH_URL is https", async () => {
    const res = await fetch(`http://127.0.0.1:${PUBLIC_PORT}/sources`, { headers: withSession });
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(secureHint(res.headers.get("set-cookie") ?? undefined)).toBe(true);
  });

  it("sends HSTS and a Secure hint cookie when a trusted proxy says the client used https, and neither over http", async () => {
    const https = await fetch(`http://127.0.0.1:${PROXIED_PORT}/sources`, {
      headers: { ...withSession, "x-forwarded-proto": "https", "x-forwarded-host": "learn.example" },
    });
    expect(https.headers.get("strict-transport-security")).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(secureHint(https.headers.get("set-cookie") ?? undefined)).toBe(true);
    const plain = await fetch(`http://127.0.0.1:${PROXIED_PORT}/sources`, { headers: withSession });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("set-cookie")).toMatch(/unknot-signed-in=1/);
    expect(secureHint(plain.headers.get("set-cookie") ?? undefined)).toBe(false);
  });

  it("sends no HSTS over plain http, even when a client claims https without a trusted proxy", async () => {
    const res = await fetch(`${baseUrl}/sources`, { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("writes from elsewhere", () => {
  it("refuses a text/plain body and another origin on the JSON routes, and changes nothing", async () => {
    const { page, email } = await signedInPage();
    const request = page.context().request;
    const userId = (await db.user.findUniqueOrThrow({ where: { email } })).id;
    const card = (await (await request.get(`${baseUrl}/api/review`)).json()).state.card;
    const grade = JSON.stringify({ cardId: card.cardId, rating: Rating.Good, version: card.version, clientId: randomUUID(), durationMs: 900 });
    const cases: [string, Record<string, string>, number][] = [
      ["text/plain from the site", { "content-type": "text/plain", origin: baseUrl }, 415],
      ["JSON from another port", { "content-type": "application/json", origin: "http://localhost:9" }, 403],
      ["JSON from another site", { "content-type": "application/json", origin: "https://evil.example" }, 403],
      ["JSON from a sandboxed frame", { "content-type": "application/json", origin: "null" }, 403],
      ["JSON marked same-site", { "content-type": "application/json", "sec-fetch-site": "same-site" }, 403],
    ];
    for (const [what, headers, status] of cases) {
      const res = await request.post(`${baseUrl}/api/review/grade`, { headers, data: grade });
      expect(res.status(), what).toBe(status);
      expect((await res.json()).ok, what).toBe(false);
    }
    const imported = await request.post(`${baseUrl}/api/account/import`, { headers: { "content-type": "text/plain", origin: baseUrl }, data: "{}" });
    expect(imported.status()).toBe(415);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(0);
    // The app's own pages still write: a grade from the review page is stored.
    await page.goto(`${baseUrl}/review`);
    await gradeWithKeyboard(page, "3");
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
    await page.context().close();
  });

  it("refuses next-auth's sign-in from another origin even with a valid CSRF token", async () => {
    const context = await middayContext(browser());
    const email = await signUp(await context.newPage(), baseUrl, newEmail(), "/review", false);
    await context.clearCookies();
    const { csrfToken } = await (await context.request.get(`${baseUrl}/api/auth/csrf`)).json();
    const form = { csrfToken, email, password: PASSWORD, json: "true", callbackUrl: `${baseUrl}/review` };
    const forged = await context.request.post(`${baseUrl}/api/auth/callback/credentials`, { form, headers: { origin: "http://localhost:9" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect((await context.request.get(`${baseUrl}/api/review`)).status()).toBe(401);
    const own = await context.request.post(`${baseUrl}/api/auth/callback/credentials`, { form, headers: { origin: baseUrl }, maxRedirects: 0 });
    expect(own.status()).toBeLessThan(400);
    expect((await context.request.get(`${baseUrl}/api/review`)).status()).toBe(200);
    await context.close();
  });
});

describe("personal pages' script policy", () => {
  it("serves the signed-in home page and lesson list with a nonce policy that their scripts satisfy", async () => {
    const { page } = await signedInPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    for (const p of ["/", "/learn"]) {
      const res = await page.goto(`${baseUrl}${p}`);
      const csp = res!.headers()["content-security-policy"]!;
      expect(csp, p).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, p).not.toContain("'unsafe-inline' ");
    }
    // The lesson list hydrated under the policy: its link navigates on the client, without
    // reloading the page (the marker survives).
    await page.waitForFunction(() => Object.keys(document.querySelector("main a") ?? {}).some((k) => k.startsWith("__reactFiber")));
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByTestId(`lesson-${getLessons()[0]!.slug}`).getByRole("link").click();
    await page.waitForURL((u) => u.pathname === `/learn/${getLessons()[0]!.slug}`);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

describe("malformed and stalled requests", () => {
  it("answers a real server action called with a body that is not an argument list of plain data with 400, not 500", async () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, distDir(), "server/server-reference-manifest.json"), "utf8")) as {
      node: Record<string, { exportedName?: string }>;
    };
    const signUpAction = Object.entries(manifest.node).find(([, a]) => a.exportedName === "signUpAction")![0];
    for (const body of ["{{{ nope", '"x"', "", "[1,2", '["$1"]', '["$Q1"]', '[{"email":"$0:9"}]']) {
      const res = await fetch(`${baseUrl}/sign-up`, {
        method: "POST",
        headers: { "next-action": signUpAction, "content-type": "text/plain;charset=UTF-8", origin: baseUrl },
        body,
      });
      expect(res.status, body).toBe(400);
    }
    const form = new FormData();
    form.set("a", "1");
    const multipart = await fetch(`${baseUrl}/sign-up`, { method: "POST", headers: { "next-action": signUpAction, origin: baseUrl }, body: form });
    expect(multipart.status).toBe(400);
  });

  // A page's POST (the proxy waits for the whole body); an API route checks the session before it reads any.
  it("answers a request whose body never arrives in full with 408 and closes it", async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(E2E_PORT, "127.0.0.1", () => {
        socket.write(`POST /sign-up HTTP/1.1\r\nHost: 127.0.0.1:${E2E_PORT}\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 100\r\n\r\n["x`);
      });
      let data = "";
      socket.setEncoding("utf8");
      socket.on("data", (d) => (data += d));
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });
});
