import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { getWarningSigns } from "@/lib/content/warning-signs";
import { askingOrder } from "@/lib/now/check";
import { DEMO_ACCOUNT } from "@/lib/demo";
import { PHONE, signIn, useBrowser } from "./browser";
import { startServer, type Server } from "../../scripts/shared/server";
import { readyOffline } from "./offline-saved";
import { E2E_PORT, SUITE_DB_URL } from "./suite";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const questions = askingOrder(getWarningSigns());
const CAUDA_EQUINA = ["saddle-numbness", "peeing-difficulty", "bladder-bowel-control", "sexual-problems"];

type Calls = { vibrate: unknown[]; notifications: string[]; wakeLocks: string[]; permissionRequests: number };

// A phone whose vibration, notifications and wake lock are recorded: the page calls the real
// APIs, these only note the calls (headless Chromium has no screen to keep on).
// Headless Chromium denies notifications whatever is granted, so the permission is recorded
// too: "default" until the page asks, "granted" once it has.
async function phone(b: Browser): Promise<BrowserContext> {
  const ctx = await b.newContext(PHONE);
  await ctx.addInitScript(() => {
    const calls = { vibrate: [] as unknown[], notifications: [] as string[], wakeLocks: [] as string[], permissionRequests: 0 };
    let permission: NotificationPermission = "default";
    Object.defineProperty(Notification, "permission", { configurable: true, get: () => permission });
    Notification.requestPermission = async () => {
      calls.permissionRequests++;
      permission = "granted";
      return permission;
    };
    (window as unknown as { __calls: typeof calls }).__calls = calls;
    Object.defineProperty(navigator, "vibrate", { configurable: true, value: (p: unknown) => (calls.vibrate.push(p), true) });
    Object.defineProperty(navigator, "wakeLock", {
      configurable: true,
      value: { request: async () => (calls.wakeLocks.push("request"), { release: async () => void calls.wakeLocks.push("release") }) },
    });
    const show = ServiceWorkerRegistration.prototype.showNotification;
    ServiceWorkerRegistration.prototype.showNotification = function (title: string, options?: NotificationOptions) {
      calls.notifications.push(`${title}: ${options?.body ?? ""}`);
      return show.call(this, title, options).catch(() => undefined);
    };
    const Real = window.Notification;
    const Recorded = function (title: string, options?: NotificationOptions) {
      calls.notifications.push(`${title}: ${options?.body ?? ""}`);
      return new Real(title, options);
    } as unknown as typeof Notification;
    Object.defineProperty(Recorded, "permission", { get: () => permission });
    Recorded.requestPermission = Notification.requestPermission;
    window.Notification = Recorded;
  });
  return ctx;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: Calls }).__calls);

// A 10-minute cold timer, run to its end on the page's clock.
async function runTimer(page: Page) {
  const timer = page.getByTestId("pack-timer");
  await timer.getByText("Cold", { exact: true }).tap();
  await timer.getByText("10", { exact: true }).tap();
  // Notifications are asked for only when the learner starts a timer.
  expect((await calls(page)).permissionRequests).toBe(0);
  await timer.getByRole("button", { name: "Start 10-minute timer" }).tap();
  await expect.poll(() => page.getByTestId("timer-clock").textContent()).toBe("10:00");
  expect((await calls(page)).permissionRequests).toBe(1);
  await page.clock.runFor("04:00");
  // The page's clock also moves with real time: a second either way.
  await expect.poll(() => page.getByTestId("timer-clock").textContent()).toMatch(/^(5:59|6:00|6:01)$/);
  await page.clock.runFor("06:01");
  await expect.poll(() => timer.getAttribute("data-phase")).toBe("done");
  expect(await page.getByTestId("timer-status").textContent()).toMatch(
    /^Time is up\. Take the pack off and move gently\. Next session from \d{1,2}:\d\d( [AP]M)?\.$/,
  );
  const c = await calls(page);
  expect(c.vibrate).toHaveLength(1);
  expect(c.wakeLocks).toEqual(["request", "release"]);
  expect(c.notifications).toHaveLength(1);
  expect(c.notifications[0]).toMatch(/^Time is up: Take the cold pack off and move gently\. Next session from \d{1,2}:\d\d( [AP]M)?\.$/);
}

// From the flare plan through the check: "yes" to a cauda equina sign lands on 999.
async function checkYesToCaudaEquina(page: Page, origin: string) {
  await page.goto(`${origin}/now`);
  await page.getByRole("link", { name: "Check the warning signs" }).first().tap();
  await page.waitForURL((u) => u.pathname === "/now/check");
  const sign = await page.getByTestId("check-step").getAttribute("data-sign");
  expect(CAUDA_EQUINA).toContain(sign);
  expect(await page.locator("h1").textContent()).toBe(questions[0]!.question);
  await page.getByTestId("answer-yes").tap();
  await page.waitForURL((u) => u.pathname === "/now/check/result/emergency");
  const call = page.getByRole("link", { name: "Call 999" });
  expect(await call.getAttribute("href")).toBe("tel:999");
  const box = (await call.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.y + box.height).toBeLessThanOrEqual(844 - 64);
  expect(await page.getByText("This is not a diagnosis").count()).toBe(1);
  expect(await page.locator(".result-sources cite").allTextContents()).toContain("NHS website: Back pain");
}

// "No" to every question lands on self-care.
async function checkNoThroughout(page: Page, origin: string) {
  await page.goto(`${origin}/now/check`);
  for (const [i, q] of questions.entries()) {
    await page.waitForURL((u) => u.pathname === (i === 0 ? "/now/check" : `/now/check/${i + 1}`));
    expect(await page.getByTestId("check-step").getAttribute("data-sign")).toBe(q.id);
    await page.getByTestId("answer-no").tap();
  }
  await page.waitForURL((u) => u.pathname === "/now/check/result/self-care");
  expect(await page.locator("h1").textContent()).toBe("Self-care is fine for now");
  expect(await page.getByRole("heading", { name: "When to check again" }).count()).toBe(1);
}

describe("in pain now, on a phone", () => {
  it("reaches /now in one tap from the home page signed out and in, and from the tab bar on any page", async () => {
    const ctx = await browser().newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/`);
    const first = page.locator("main .btn").first();
    expect(await first.textContent()).toBe("In pain now?");
    await first.tap();
    await page.waitForURL((u) => u.pathname === "/now");
    expect(await page.locator("h1").textContent()).toBe("In pain now?");

    await signIn(page, baseUrl, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, "/progress");
    await page.goto(`${baseUrl}/`);
    expect(await page.locator("main .btn").first().textContent()).toBe("In pain now?");

    for (const from of ["/learn/posture", "/progress"]) {
      await page.goto(`${baseUrl}${from}`);
      const tab = page.locator(".main-nav").getByRole("link", { name: "In pain?" });
      const box = (await tab.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeGreaterThanOrEqual(44);
      await tab.tap();
      await page.waitForURL((u) => u.pathname === "/now");
    }
    await ctx.close();
  });

  it("runs a heat-or-cold timer to its end: the screen kept on, a vibration, a notification and the next session's time", async () => {
    const ctx = await phone(browser());
    const page = await ctx.newPage();
    await page.clock.install();
    await page.goto(`${baseUrl}/now`);
    await runTimer(page);
    await ctx.close();
  });

  it("asks the warning signs one at a time, most urgent first, and ends at 999 for a cauda equina sign or at self-care for none", async () => {
    expect(questions.map((q) => q.tier)).toEqual(
      [...questions.map((q) => q.tier)].sort((a, b) => ["emergency", "urgent", "gp"].indexOf(a) - ["emergency", "urgent", "gp"].indexOf(b)),
    );
    const ctx = await browser().newContext(PHONE);
    const page = await ctx.newPage();
    await checkYesToCaudaEquina(page, baseUrl);
    await checkNoThroughout(page, baseUrl);
    await ctx.close();
  });

  it("works without JavaScript: the questions and the answer pages are plain pages", async () => {
    const ctx = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await checkNoThroughout(page, baseUrl);
    await page.goto(`${baseUrl}/now/check`);
    await page.getByTestId("answer-no").tap();
    await page.getByTestId("answer-yes").tap();
    await page.waitForURL((u) => u.pathname === `/now/check/result/${questions[1]!.tier}`);
    await ctx.close();
  });
});

// As in offline.test.ts: a server of its own, stopped, so offline means no server at all.
describe("in pain now, offline", () => {
  let own: Server;
  let ctx: BrowserContext | undefined;
  beforeAll(async () => {
    const port = E2E_PORT + 51;
    own = await startServer(port, {
      DATABASE_URL: SUITE_DB_URL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000",
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await own?.stop();
  });

  it("with the server stopped: one tap to /now, the timer, and the check to 999 and to self-care", async () => {
    ctx = await phone(browser());
    const page = await ctx.newPage();
    await page.clock.install();
    await page.goto(`${own.url}/`);
    await readyOffline(page);
    await ctx.setOffline(true);
    await own.stop();

    // The home page needs the server: the offline page answers, with the same one tap to /now.
    await page.goto(`${own.url}/`);
    expect(await page.locator("h1").textContent()).toBe("You are offline");
    await page.locator("main .btn").first().tap();
    await page.waitForURL((u) => u.pathname === "/now");
    expect(await page.locator("h1").textContent()).toBe("In pain now?");
    await runTimer(page);

    await checkYesToCaudaEquina(page, own.url);
    await checkNoThroughout(page, own.url);
  });
});

describe("accessibility of the flare plan and the check", () => {
  const pages = [
    "/now",
    "/now/check",
    "/now/check/result/emergency",
    "/now/check/result/urgent",
    "/now/check/result/gp",
    "/now/check/result/self-care",
    "/learn/posture",
  ];
  for (const kind of ["phone", "desktop"] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`has no serious or critical axe violations, ${kind}, ${colorScheme}, the timer running and done included`, { timeout: 300_000 }, async () => {
        const ctx = await browser().newContext({ ...(kind === "phone" ? PHONE : DESKTOP), colorScheme });
        const page = await ctx.newPage();
        await page.clock.install();
        const found: string[] = [];
        const scan = async (label: string) => {
          const { violations } = await new AxeBuilder({ page }).analyze();
          for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
            found.push(
              `${label}: ${v.id} (${v.impact}) ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(", ")}`,
            );
          }
        };
        for (const p of pages) {
          await page.goto(baseUrl + p, { waitUntil: "networkidle" });
          await scan(p);
        }
        await page.goto(`${baseUrl}/now`, { waitUntil: "networkidle" });
        await page.getByRole("button", { name: /^Start \d+-minute timer$/ }).click();
        await page.getByTestId("timer-clock").waitFor();
        await scan("/now, timer running");
        await page.clock.runFor("20:01");
        await expect.poll(() => page.getByTestId("pack-timer").getAttribute("data-phase")).toBe("done");
        await scan("/now, timer done");
        await ctx.close();
        expect(found).toEqual([]);
      });
    }
  }
});
