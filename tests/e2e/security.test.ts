import { readdirSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser, PASSWORD, signIn, signUp, middayContext } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

describe("security headers", () => {
  it("serves signed-in pages with a nonce policy that the app's own scripts satisfy", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    const violations = watchCsp(page);
    await signUp(page, baseUrl);
    const res = await page.goto(`${baseUrl}/review`);
    const csp = res!.headers()["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res!.headers()["permissions-policy"]).toContain("camera=()");
    // The page hydrated under the policy: the keyboard works.
    await page.keyboard.press("Space");
    await page.getByTestId("answer").waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("serves prerendered lesson pages with the static policy and no violations", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    const violations = watchCsp(page);
    const res = await page.goto(`${baseUrl}/learn`);
    expect(res!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(violations).toEqual([]);
    await context.close();
  });
});

// A request that reaches each API route (without a session most answer 401, a write 403).
const API_PROBES: Record<string, string> = {
  "account/import": "POST /api/account/import",
  "auth/[...nextauth]": "GET /api/auth/csrf",
  "calendar/[token]": "GET /api/calendar/no-such-feed.ics",
  "export/data": "GET /api/export/data",
  "export/reviews": "GET /api/export/reviews",
  ping: "GET /api/ping",
  "progress/optimize/apply": "POST /api/progress/optimize/apply",
  "progress/optimize/dismiss": "POST /api/progress/optimize/dismiss",
  "progress/optimize": "GET /api/progress/optimize",
  "progress/parameters/restore": "POST /api/progress/parameters/restore",
  "review/grade": "POST /api/review/grade",
  "review/offline": "GET /api/review/offline",
  review: "GET /api/review",
  "review/sync": "POST /api/review/sync",
  "review/undo": "POST /api/review/undo",
  "session/end": "GET /api/session/end",
};

describe("security headers on the API", () => {
  it("answers every API route with the security headers pages get, though the proxy sees pages only", async () => {
    const routes = readdirSync("app/api", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts"))
      .map((f) => f.replace(/\/?route\.ts$/, ""));
    expect(routes.sort()).toEqual(Object.keys(API_PROBES).sort());
    for (const [route, probe] of Object.entries(API_PROBES)) {
      const [method, path] = probe.split(" ") as [string, string];
      const res = await fetch(baseUrl + path, {
        method,
        redirect: "manual",
        headers: { "content-type": "application/json" },
        body: method === "POST" ? "{}" : undefined,
      });
      expect(res.status, route).toBeLessThan(500);
      expect(res.headers.get("content-security-policy"), route).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options"), route).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), route).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), route).toBe("strict-origin-when-cross-origin");
    }
  });
});

describe("ending sessions", () => {
  it("signs out every other session with 'Sign out everywhere'", async () => {
    const one = await middayContext(browser());
    const two = await middayContext(browser());
    const p1 = await one.newPage();
    const p2 = await two.newPage();
    const email = await signUp(p1, baseUrl);
    await signIn(p2, baseUrl, email);

    await p1.goto(`${baseUrl}/settings`);
    await p1.getByRole("button", { name: "Sign out everywhere" }).click();
    await p1.waitForURL((u) => u.pathname === "/sign-in");

    await p2.goto(`${baseUrl}/review`);
    expect(new URL(p2.url()).pathname).toBe("/sign-in");
    const api = await two.request.get(`${baseUrl}/api/review`);
    expect(api.status()).toBe(401);
    // The header, which asks next-auth's session endpoint, shows the ended session as signed out.
    expect(await (await two.request.get(`${baseUrl}/api/auth/session`)).json()).toEqual({});
    await p2.goto(`${baseUrl}/learn`);
    await expect.poll(() => p2.getByRole("banner").getByRole("link", { name: "Sign in" }).count()).toBe(1);
    expect(await p2.getByRole("banner").getByRole("button", { name: "Sign out" }).count()).toBe(0);
    await one.close();
    await two.close();
  });

  it("signs out onto the host the user came to, with a confirmation", async () => {
    const host = baseUrl.replace("localhost", "127.0.0.1");
    const context = await middayContext(browser());
    const page = await context.newPage();
    await signUp(page, host);
    await page.goto(`${host}/learn`);
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/signed-out", { timeout: 30_000 });
    expect(page.url()).toBe(`${host}/signed-out`);
    expect(await page.getByRole("status").textContent()).toMatch(/You are signed out/);
    expect((await context.request.get(`${host}/api/review`)).status()).toBe(401);
    await context.close();
  });

  it("ends other sessions on a password change and keeps the current one", async () => {
    const one = await middayContext(browser());
    const two = await middayContext(browser());
    const p1 = await one.newPage();
    const p2 = await two.newPage();
    const email = await signUp(p1, baseUrl);
    await signIn(p2, baseUrl, email);

    await p1.goto(`${baseUrl}/settings`);
    await p1.getByLabel("Current password").fill(PASSWORD);
    await p1.getByLabel("New password").fill("a-brand-new-long-passphrase");
    await p1.getByRole("button", { name: "Change password" }).click();
    // Two Argon2 hashes and a sign-in: slow on a busy machine, so the poll waits longer than its 1 s default.
    await expect.poll(() => p1.getByText("Password changed.").count(), { timeout: 30_000 }).toBe(1);

    expect((await two.request.get(`${baseUrl}/api/review`)).status()).toBe(401);
    expect((await one.request.get(`${baseUrl}/api/review`)).status()).toBe(200);
    await one.close();
    await two.close();
  });
});

describe("forms sent before the page's scripts have run", () => {
  // A fast typist, or a password manager that fills and submits, can send a form before the
  // page has hydrated: the browser then submits it itself, and a GET would put the fields in
  // the address bar, the history and the server's logs.
  for (const [path, button] of [
    ["/sign-in", "Sign in"],
    ["/sign-up", "Create account"],
  ] as const) {
    it(`${path} never puts the email or the password in the address`, async () => {
      const context = await browser().newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${baseUrl}${path}`);
      await page.getByLabel("Email").fill("typed-fast@example.test");
      await page.getByLabel("Password").fill(PASSWORD);
      const sent = page.waitForRequest((r) => r.isNavigationRequest() && r.frame() === page.mainFrame() && r.url().startsWith(`${baseUrl}${path}`));
      await page.getByRole("button", { name: button, exact: true }).click();
      const request = await sent;
      expect(request.method()).toBe("POST");
      expect(request.url()).toBe(`${baseUrl}${path}`);
      await page.waitForLoadState();
      expect(page.url()).not.toMatch(/password|typed-fast/);
      await context.close();
    });
  }
});
