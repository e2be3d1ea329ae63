import { describe, expect, inject, it } from "vitest";
import { getLessons } from "@/lib/content/load";
import { PASSWORD, heldPage, hydrated, newEmail, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("a page paints before it fetches its scripts", () => {
  for (const path of ["/", `/learn/${getLessons()[0]!.slug}`, "/sign-in"]) {
    it(`${path} requests its start-up scripts only after its first contentful paint, then hydrates with no policy violation`, async () => {
      const context = await browser().newContext();
      const page = await context.newPage();
      const violations: string[] = [];
      page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
      await page.goto(`${baseUrl}${path}`);
      await hydrated(page);
      const { fcp, scripts } = await page.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]!.startTime,
        scripts: performance
          .getEntriesByType("resource")
          .filter((r) => r.name.includes("/_next/static/chunks/") && r.name.endsWith(".js"))
          .map((r) => r.startTime),
      }));
      expect(scripts.length).toBeGreaterThan(3);
      for (const start of scripts) expect(start).toBeGreaterThanOrEqual(fcp);
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});

describe("what a reader does before the page has hydrated", () => {
  it("a sign-up typed and submitted before the scripts arrive is carried out, with what was typed, once they have", async () => {
    const context = await browser().newContext();
    const { page, release } = await heldPage(context);
    const posts: string[] = [];
    page.on("request", (r) => r.isNavigationRequest() && r.method() === "POST" && posts.push(r.url()));
    await page.goto(`${baseUrl}/sign-up?callbackUrl=%2Fprogress`, { waitUntil: "domcontentloaded" });
    expect(await page.evaluate(() => document.documentElement.hasAttribute("data-hydrated"))).toBe(false);
    const email = newEmail("early");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    expect(page.url()).toContain("/sign-up");
    release();
    await page.waitForURL((u) => u.pathname === "/progress", { timeout: 30_000 });
    // Carried out by the app's own handler, not submitted natively.
    expect(posts).toEqual([]);
    await context.close();
  });

  it("a tap held while the scripts fail to arrive is then let through to the browser: the form is posted natively, not lost", async () => {
    const context = await browser().newContext();
    const { page, release: fail } = await heldPage(context, "abort");
    const posts: string[] = [];
    page.on("request", (r) => r.isNavigationRequest() && r.method() === "POST" && posts.push(new URL(r.url()).pathname));
    await page.goto(`${baseUrl}/sign-in`, { waitUntil: "domcontentloaded" });
    await page.getByLabel("Email").fill("nobody@example.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    expect(posts).toEqual([]);
    const posted = page.waitForRequest((r) => r.isNavigationRequest() && r.method() === "POST");
    fail();
    expect(new URL((await posted).url()).pathname).toBe("/sign-in");
    await context.close();
  });
});
