import { describe, expect, inject, it } from "vitest";
import { signUp, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe("desired retention per group on a phone", () => {
  it("saves how much to remember of the warning signs apart from the rest, as percentages", async () => {
    const ctx = await browser().newContext(PHONE);
    const page = await ctx.newPage();
    await signUp(page, baseUrl, undefined, "/settings", false);
    const general = page.getByLabel(/^How much to remember/);
    const safety = page.getByLabel(/^Warning signs: how much to remember/);
    // The saved values are in the server's HTML: no wait for the scripts.
    expect(await safety.inputValue()).toBe("95");
    expect(await general.inputValue()).toBe("90");

    await safety.fill("79");
    await page.getByRole("button", { name: "Save settings" }).tap();
    await page.getByText("Choose at least 80%").waitFor();

    // A word as the learner types, below 80% and above 95%, tied to the field; none in between.
    const note = (field: "desiredRetention" | "safetyRetention") => page.locator(`#${field}-note`);
    await general.fill("75");
    await expect.poll(() => note("desiredRetention").textContent()).toMatch(/^Below 80% you will forget many of these cards/);
    expect(await general.getAttribute("aria-describedby")).toContain("desiredRetention-note");
    await general.fill("90");
    await expect.poll(() => note("desiredRetention").textContent()).toBe("");
    await safety.fill("97");
    await expect.poll(() => note("safetyRetention").textContent()).toBe("Above 95% you get many more reviews for little gain.");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await general.fill("85");
    await page.getByRole("button", { name: "Save settings" }).tap();
    await page.getByText("Settings saved.").waitFor();
    // The page as the server sends it shows the saved values, before any script runs.
    const html = await (await ctx.request.get(`${baseUrl}/settings`)).text();
    expect(/<input[^>]*id="desiredRetention"[^>]*>/.exec(html)?.[0]).toContain('value="85"');
    expect(/<input[^>]*id="safetyRetention"[^>]*>/.exec(html)?.[0]).toContain('value="97"');
    await page.reload();
    expect(await page.getByLabel(/^Warning signs: how much to remember/).inputValue()).toBe("97");
    expect(await page.getByLabel(/^How much to remember/).inputValue()).toBe("85");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await ctx.close();
  });
});

describe("saving settings without a connection", () => {
  it("says that nothing was saved when the form's checks cannot load offline, and saves once the phone is back online", async () => {
    // No service worker: the checks' script is not saved for offline yet, as on a first visit.
    const ctx = await browser().newContext({ ...PHONE, serviceWorkers: "block" });
    const page = await ctx.newPage();
    await signUp(page, baseUrl, undefined, "/settings", false);
    await page.waitForLoadState("networkidle");
    await ctx.setOffline(true);
    await page.getByLabel(/^How much to remember/).fill("85");
    await page.getByRole("button", { name: "Save settings" }).tap();
    await page.getByRole("alert").filter({ hasText: "could not be loaded, so nothing was saved" }).waitFor();
    await ctx.setOffline(false);
    await page.getByRole("button", { name: "Save settings" }).tap();
    await page.getByText("Settings saved.").waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "could not be loaded" }).count()).toBe(0);
    await ctx.close();
  });
});
