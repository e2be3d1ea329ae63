import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { getLessons } from "@/lib/content/load";
import type { Lesson } from "@/lib/content/schema";
import { useBrowser, middayContext, signUp, cardShown } from "./browser";
import { startServer, type Server } from "../../scripts/shared/server";
import { cachedPaths, readyOffline } from "./offline-saved";
import { E2E_PORT, SUITE_DB_URL } from "./suite";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const lessons = getLessons() as [Lesson, Lesson, ...Lesson[]];
const lesson = lessons[1];

// Waits until the service worker is installed (its precache filled) and controls the page.
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe("installing Unknot", () => {
  it("serves a manifest with the installability fields and icons that load", async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/manifest.webmanifest");
    expect(await page.locator('meta[name="theme-color"]').evaluateAll((els) => els.map((e) => e.getAttribute("media")))).toEqual([
      "(prefers-color-scheme: light)",
      "(prefers-color-scheme: dark)",
    ]);
    expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute("href")).toBe("/icons/apple-touch-icon.png");

    const res = await context.request.get(`${baseUrl}${href}`);
    expect(res.status()).toBe(200);
    const manifest = await res.json();
    expect(manifest).toMatchObject({ name: expect.any(String), short_name: "Unknot", start_url: "/", scope: "/", display: "standalone" });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
    for (const icon of [...manifest.icons, { src: "/icons/apple-touch-icon.png" }]) {
      const img = await context.request.get(`${baseUrl}${icon.src}`);
      expect(img.status(), icon.src).toBe(200);
      expect(img.headers()["content-type"]).toBe("image/png");
    }
    await context.close();
  });

  it("has a service worker that controls the start URL after it loads", async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl}/`);
    expect(res!.headers()["content-security-policy"]).toContain("worker-src 'self'");
    await controlled(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(`${baseUrl}/sw.js`);
    // A fresh load of the start URL is controlled from the start.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${baseUrl}/sw.js`);
    await context.close();
  });
});

// Playwright's offline emulation reaches a service worker's own fetches only once it has
// attached to the worker, which races with the worker's start. So this part runs on a server of
// its own that it stops as well: offline then means no server at all, whatever the emulation does.
describe("reading offline", () => {
  let context: BrowserContext;
  let own: Server;
  beforeAll(async () => {
    const port = E2E_PORT + 50;
    own = await startServer(port, {
      DATABASE_URL: SUITE_DB_URL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000",
    });
  });
  afterAll(async () => {
    await context?.close();
    await own?.stop();
  });

  it("shows a lesson and its quiz after a reload with the network off, and the offline page for a page never cached", async () => {
    context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${own.url}/learn/${lesson.slug}`);
    await readyOffline(page);
    await context.setOffline(true);
    await own.stop();
    await page.reload();
    expect(await page.locator("h1").textContent()).toBe(lesson.title);
    expect(await page.locator("article.lesson h2").allTextContents()).toEqual(lesson.sections.map((s) => s.heading));

    await page.getByRole("link", { name: "Take the quiz" }).click();
    await page.waitForURL((u) => u.pathname === `/learn/${lesson.slug}/quiz`);
    // The quiz runs in the browser: its first question answers offline too.
    const box = page.getByTestId("quiz-question");
    const id = await box.getAttribute("data-question-id");
    const question = lesson.quiz.find((q) => q.id === id)!;
    await box.getByRole("button", { name: question.answer, exact: true }).click();
    await expect.poll(() => page.getByTestId("quiz-feedback").textContent()).toContain("Right.");

    // A lesson never opened was fetched by the worker after its shell, so it opens too.
    const other = lessons[lessons.length - 1]!;
    await page.goto(`${own.url}/learn/${other.slug}`);
    expect(await page.locator("h1").textContent()).toBe(other.title);

    // A page that was never cached gets the offline page, listing the saved lessons.
    await page.goto(`${own.url}/progress`);
    expect(await page.locator("h1").textContent()).toBe("You are offline");
    // Reviews go on offline from the device's copy: the page says so, not that they need the network.
    const notice = await page.getByTestId("offline-notice").textContent();
    expect(notice).toContain("Reviews work offline");
    expect(notice).not.toMatch(/reviews[^.]*need the network/i);
    const links = page.getByTestId("offline-lessons").getByRole("link");
    await expect.poll(() => page.getByTestId("saved-count").textContent()).toBe(`${lessons.length} of ${lessons.length} lessons are saved on this device.`);
    for (const l of lessons) expect(await links.filter({ hasText: l.title }).count()).toBe(1);
    await links.filter({ hasText: lesson.title }).click();
    await page.waitForURL((u) => u.pathname === `/learn/${lesson.slug}`);
    expect(await page.locator("h1").textContent()).toBe(lesson.title);
  });
});

describe("what is kept", () => {
  it("never caches a signed-in user's pages or API answers", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await controlled(page);
    const email = await signUp(page, baseUrl);
    await cardShown(page);
    await page.goto(`${baseUrl}/progress`);
    await page.goto(`${baseUrl}/learn/${lesson.slug}`);
    const urls = await cachedPaths(page);
    expect(urls).toContain(`/learn/${lesson.slug}`);
    // The review shell is precached, and holds no user data; /review itself is never stored.
    expect(urls).toContain("/review-shell");
    expect(urls.filter((u) => u !== "/review-shell" && /^\/(review|progress|settings|account(\/|$)|learn$|api\/|sign-)/.test(u))).toEqual([]);
    const shell = await page.evaluate(async () => await (await caches.match("/review-shell", { ignoreSearch: true }))!.text());
    expect(shell).not.toContain(email);
    expect(shell).toContain("Opening the reviews saved on this device");
    await context.close();
  });
});
