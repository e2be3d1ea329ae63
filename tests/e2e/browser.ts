import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { getLessons } from "@/lib/content/load";
import { chromiumPath } from "../../scripts/shared/chromium";

export { chromiumPath };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

// One browser for a test file: opened before its tests, closed after them.
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("The browser opens in beforeAll; use it inside a test or hook.");
    return browser;
  };
}

export const PASSWORD = "a-long-unusual-passphrase";

export function newEmail(prefix = "e2e"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

// Signs up through the real form; the app signs the new user in and goes to the callback.
// A new deck is empty, so unless `starter` is false the user then remembers the first lesson
// on its page (as a learner would) and comes back to the callback.
export async function signUp(page: Page, baseUrl: string, email = newEmail(), callback = "/review", starter = true): Promise<string> {
  await page.goto(`${baseUrl}/sign-up?callbackUrl=${encodeURIComponent(callback)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((u) => u.pathname === callback, { timeout: 30_000 });
  if (starter) {
    await page.goto(`${baseUrl}/learn/${getLessons()[0]!.slug}`);
    await page.getByRole("button", { name: "Remember this lesson" }).click();
    await page.getByTestId("remember-result").filter({ hasText: "Added" }).waitFor();
    // The one-time guide to the grades has its own test (onboarding); here it is marked seen.
    await page.evaluate(() => (document.cookie = "unknot-grade-guide=seen; path=/"));
    await page.goto(`${baseUrl}${callback}`);
  }
  return email;
}

export async function signIn(page: Page, baseUrl: string, email: string, password = PASSWORD, callback = "/review"): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?callbackUrl=${encodeURIComponent(callback)}`);
  await submitSignIn(page, email, password);
  await page.waitForURL((u) => u.pathname === callback, { timeout: 30_000 });
}

// Fills and sends the sign-in form the page shows (where signIn or a redirect brought it).
export async function submitSignIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

// Waits for a review card. A page that shows something else instead (the offline shell, an
// error, the grade guide) says what in the failure, with its address.
export async function cardShown(page: Page, timeout?: number): Promise<void> {
  await page
    .getByTestId("review-card")
    .waitFor({ timeout })
    .catch(async (e: Error) => {
      const text = await page
        .locator("body")
        .innerText()
        .catch(() => "(nothing)");
      throw new Error(`${e.message}\n${page.url()} showed instead:\n${text.slice(0, 2000)}`);
    });
}

// A phone's browser context: 390×844 CSS pixels, touch, a mobile viewport.
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

// A browser context whose time zone puts "now" near midday, so that a new user's study day
// (which ends at 04:00 local by default) never ends during a test.
export function middayContext(browser: Browser, options: BrowserContextOptions = {}) {
  const offset = 12 - new Date().getUTCHours(); // -11..12
  const timezoneId = offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  return browser.newContext({ ...options, timezoneId });
}

// Reveals the answer with Space and grades with a number key, then waits for the next card.
export async function gradeWithKeyboard(page: Page, key: "1" | "2" | "3" | "4") {
  const before = await page.getByTestId("review-card").getAttribute("data-card-id");
  await page.keyboard.press("Space");
  await page.getByTestId("answer").waitFor();
  await page.keyboard.press(key);
  await page.waitForFunction(
    (id) => !document.querySelector('[data-testid="answer"]') && document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") !== id,
    before,
  );
}

// A page whose start-up scripts wait until the test lets them through (or fails them): the
// slow signal on which a reader types and taps before the page has hydrated.
export async function heldPage(context: BrowserContext, then: "continue" | "abort" = "continue"): Promise<{ page: Page; release: () => void }> {
  const page = await context.newPage();
  let release!: () => void;
  const gate = new Promise<void>((open) => (release = open));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await gate;
    await (then === "continue" ? route.continue() : route.abort());
  });
  return { page, release };
}

export const hydrated = (page: Page) => page.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated"));
