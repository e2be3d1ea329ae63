import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { heldPage, hydrated, middayContext, signUp, useBrowser } from "./browser";
import { UNREACHABLE } from "@/app/_components/reached";
import { startServer, type Server } from "../../scripts/shared/server";
import { E2E_PORT, SUITE_DB_URL } from "./suite";

// Review reminders in a real browser, on a server of this file's own that has VAPID keys
// (the suite's shared server has none, so push is off there). Service workers run only in a
// production build, which this is.

const browser = useBrowser();
let own: Server;

beforeAll(async () => {
  const port = E2E_PORT + 60;
  const keys = webpush.generateVAPIDKeys();
  own = await startServer(port, {
    DATABASE_URL: SUITE_DB_URL,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000",
    UNKNOT_SIGNUPS_PER_HOUR: "100000",
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
  });
});
afterAll(async () => {
  await own?.stop();
});

async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe("the service worker's reminder handlers", () => {
  let context: BrowserContext;
  afterAll(async () => context?.close());

  it("shows a pushed reminder with its count on the badge, and a click on it takes the open window to /review", async () => {
    context = await middayContext(browser());
    await context.grantPermissions(["notifications"], { origin: own.url });
    const page = await context.newPage();
    await signUp(page, own.url, undefined, "/settings", false);
    await controlled(page);
    const worker = context.serviceWorkers().find((w) => w.url().endsWith("/sw.js")) ?? (await context.waitForEvent("serviceworker"));

    // Headless Chromium has no notification centre to show a notification in (showing one
    // crashes the page), so the worker's showNotification and setAppBadge are recorded instead:
    // what the push handler asks the browser to do is what is checked.
    await worker.evaluate(() => {
      const sw = self as unknown as ServiceWorkerGlobalScope & { shown: unknown[]; badges: unknown[] };
      sw.shown = [];
      sw.badges = [];
      sw.registration.showNotification = async (title: string, options?: NotificationOptions) => void sw.shown.push({ title, ...options });
      Object.defineProperty(sw.navigator, "setAppBadge", { value: async (n: number) => void sw.badges.push(n), configurable: true });
      Object.defineProperty(sw.navigator, "clearAppBadge", { value: async () => void sw.badges.push("cleared"), configurable: true });
    });

    // DevTools delivers a push message to the worker's registration, as a push service would.
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const r = registrations.find((x) => x.scopeURL === `${own.url}/` && !x.isDeleted);
        if (r) resolve(r.registrationId);
      }),
    );
    await cdp.send("ServiceWorker.enable");
    const payload = { title: "Time for a short review", body: "3 cards are due today.", url: "/review", badge: 3, tag: "review-reminder" };
    await cdp.send("ServiceWorker.deliverPushMessage", { origin: own.url, registrationId: await registration, data: JSON.stringify(payload) });
    const recorded = () =>
      worker.evaluate(() => ({ shown: (self as unknown as { shown: unknown[] }).shown, badges: (self as unknown as { badges: unknown[] }).badges }));
    await expect.poll(recorded).toEqual({
      shown: [expect.objectContaining({ title: payload.title, body: payload.body, tag: "review-reminder", data: { url: "/review" } })],
      badges: [3],
    });

    // DevTools has no notification click either: the worker gets the event the browser would
    // dispatch, for a notification carrying the reminder's data.
    await worker.evaluate(() => {
      const event = new ExtendableEvent("notificationclick");
      Object.defineProperty(event, "notification", { value: { data: { url: "/review" }, close: () => undefined } });
      self.dispatchEvent(event);
    });
    await page.waitForURL((u) => u.pathname === "/review");
    expect((await recorded()).badges).toEqual([3, "cleared"]);
  });
});

describe("the reminders settings", () => {
  it("offers push on a desktop browser, says so when notifications are blocked, and explains Add to Home Screen on an iPhone", async () => {
    // Headless Chromium answers "denied" for notifications whatever is granted: a desktop
    // browser that has not been asked yet says "default".
    const desktop = await middayContext(browser());
    await desktop.addInitScript(() => Object.defineProperty(Notification, "permission", { get: () => "default" }));
    const page = await desktop.newPage();
    await signUp(page, own.url, undefined, "/settings", false);
    await expect.poll(() => page.getByTestId("push-state").innerText()).toContain("Reminders are off on this device.");
    expect(await page.getByRole("button", { name: "Turn on reminders on this device" }).isVisible()).toBe(true);
    await desktop.close();

    const blocked = await middayContext(browser());
    const blockedPage = await blocked.newPage();
    await signUp(blockedPage, own.url, undefined, "/settings", false);
    await expect.poll(() => blockedPage.getByTestId("push-state").innerText()).toContain("Notifications for this site are blocked");
    await blocked.close();

    const iphone = await browser().newContext({
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const phone = await iphone.newPage();
    await signUp(phone, own.url, undefined, "/settings", false);
    await expect.poll(() => phone.getByTestId("push-state").innerText()).toContain("Add to Home Screen");
    expect(await phone.getByRole("button", { name: "Turn on reminders on this device" }).count()).toBe(0);
    await iphone.close();
  });

  it("saves the reminder times, and makes, replaces and stops the calendar link", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await signUp(page, own.url, undefined, "/settings", false);
    await page.getByLabel("Remind me at").fill("08:30");
    await page.getByRole("button", { name: "Save times" }).click();
    await expect.poll(() => page.getByTestId("reminders").getByRole("status").textContent()).toBe("Saved.");
    // The page as the server sends it shows the saved time, before any script runs.
    const html = await (await context.request.get(`${own.url}/settings`)).text();
    expect(/<input[^>]*id="remindAt"[^>]*>/.exec(html)?.[0]).toContain('value="08:30"');
    await page.reload();
    expect(await page.getByLabel("Remind me at").inputValue()).toBe("08:30");

    // Without a signal the page says so, and the button can be pressed again.
    await context.setOffline(true);
    await page.getByRole("button", { name: "Create a calendar link" }).click();
    await expect.poll(() => page.getByTestId("reminders").getByRole("alert").textContent()).toBe(UNREACHABLE);
    await context.setOffline(false);
    await page.getByRole("button", { name: "Create a calendar link" }).click();
    const first = await page.getByLabel("Your calendar link").inputValue();
    expect(await page.getByTestId("reminders").getByRole("alert").count()).toBe(0);
    expect(first).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const feed = await context.request.get(first);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");

    await page.getByRole("button", { name: "New link (the old one stops working)" }).click();
    await expect.poll(() => page.getByLabel("Your calendar link").inputValue()).not.toBe(first);
    expect((await context.request.get(first)).status()).toBe(404);
    await page.getByRole("button", { name: "Stop the calendar link" }).click();
    await page.getByRole("button", { name: "Create a calendar link" }).waitFor();
    await context.close();
  });

  it("keeps what follows this device's reminders where it was painted while the browser is checked, so a tap lands where it was aimed", async () => {
    // A desktop browser not yet asked about notifications; no service worker, so that the page's
    // scripts come from the network, held until the first paint has been measured.
    const context = await middayContext(browser(), { serviceWorkers: "block" });
    await context.addInitScript(() => Object.defineProperty(Notification, "permission", { get: () => "default" }));
    await signUp(await context.newPage(), own.url, undefined, "/settings", false);
    const { page, release } = await heldPage(context);
    await page.goto(`${own.url}/settings`, { waitUntil: "domcontentloaded" });
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
    expect(await page.getByTestId("push-state").innerText()).toBe("Checking this browser…");
    const button = page.getByRole("button", { name: "Create a calendar link" });
    const painted = await button.boundingBox();
    release();
    await hydrated(page);
    await expect.poll(() => page.getByTestId("push-state").innerText()).toContain("Reminders are off on this device.");
    expect(await button.boundingBox()).toEqual(painted);
    await context.close();
  });
});
