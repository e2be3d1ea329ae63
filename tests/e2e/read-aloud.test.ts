import { describe, expect, inject, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { useBrowser, signUp, cardShown } from "./browser";

// Read aloud in review, with the browser's speechSynthesis replaced by a stub (headless Chromium
// has no voices): checks that the page says the prompt, then shows and says the answer, in order.
const baseUrl = inject("baseUrl");
const browser = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function withSpeech(ctx: BrowserContext, voices: number) {
  await ctx.addInitScript((n: number) => {
    const w = window as unknown as { spoken: string[] };
    w.spoken = [];
    const synth = {
      getVoices: () => Array.from({ length: n }, (_, i) => ({ name: `Stub ${i}`, lang: "en-GB", default: i === 0, localService: true, voiceURI: `stub-${i}` })),
      speak(u: { text: string; onend?: () => void }) {
        w.spoken.push(u.text);
        setTimeout(() => u.onend?.(), 20);
      },
      cancel() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
      text: string;
      onend?: () => void;
      constructor(text: string) {
        this.text = text;
      }
    };
  }, voices);
}

const spoken = (page: import("playwright-core").Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);

describe("read aloud in review on a phone", () => {
  it("says the prompt, and with answers shown by themselves, pauses, shows the answer and says it; grading stays with the learner", async () => {
    const ctx = await browser().newContext(PHONE);
    await withSpeech(ctx, 2);
    const page = await ctx.newPage();
    await signUp(page, baseUrl);
    await cardShown(page);
    const prompt = (await page.getByTestId("prompt").textContent())!;
    await page.getByTestId("read-aloud").tap();
    await expect.poll(() => spoken(page)).toContain(prompt);
    await page.getByTestId("hands-free").tap();
    await page.getByTestId("answer").waitFor({ timeout: 20_000 });
    const answer = (await page.getByTestId("answer").locator("strong").first().textContent())!;
    await expect.poll(() => spoken(page)).toContain(`Answer: ${answer}`);
    const said = await spoken(page);
    expect(said.lastIndexOf(prompt)).toBeLessThan(said.indexOf(`Answer: ${answer}`));
    // Not graded by itself: the card waits for the learner.
    expect(await page.getByTestId("prompt").textContent()).toBe(prompt);
    const id = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.getByRole("button", { name: /^Good/ }).tap();
    await page.waitForFunction((prev) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") !== prev, id);
    const next = (await page.getByTestId("prompt").textContent())!;
    await expect.poll(() => spoken(page)).toContain(next);
    await ctx.close();
  });

  it("says so, and offers no button, where the browser has no voice", async () => {
    const ctx = await browser().newContext(PHONE);
    await withSpeech(ctx, 0);
    const page = await ctx.newPage();
    await signUp(page, baseUrl);
    await cardShown(page);
    await page.getByTestId("read-aloud-none").waitFor();
    expect(await page.getByTestId("read-aloud-none").textContent()).toBe("Read aloud: this browser has no voice.");
    expect(await page.getByTestId("read-aloud").count()).toBe(0);
    await ctx.close();
  });

  it("holds the answer bar's height while the voices load, so nothing on screen moves when the row appears", async () => {
    const ctx = await browser().newContext(PHONE);
    await withSpeech(ctx, 0);
    // Layout shift as Lighthouse counts it (none within half a second of a tap), from each load.
    await ctx.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const page = await ctx.newPage();
    await signUp(page, baseUrl);
    await page.getByTestId("answer-bar").waitFor();
    const before = await page.getByTestId("answer-bar").boundingBox();
    // Measured while the page was still waiting for the voices.
    expect(await page.getByTestId("read-aloud-none").count()).toBe(0);
    // With no voice, the page waits two seconds before saying so.
    await page.getByTestId("read-aloud-none").waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.getByTestId("answer-bar").boundingBox()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.001);
    await ctx.close();
  });

  it("goes on without it when its script cannot load: the row stays empty and grading works", async () => {
    // No service worker, whose precache would answer instead: the script holding read aloud (it
    // alone names its localStorage key) fails, as on a signal lost before the worker saved it.
    const ctx = await browser().newContext({ ...PHONE, serviceWorkers: "block" });
    await withSpeech(ctx, 2);
    let blocked = 0;
    await ctx.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
      const res = await route.fetch();
      if ((await res.text()).includes("unknot-read-aloud")) {
        blocked++;
        return route.abort("internetdisconnected");
      }
      return route.fulfill({ response: res });
    });
    const page = await ctx.newPage();
    await signUp(page, baseUrl);
    await cardShown(page);
    // The framework's loader tries a failed script twice, then gives up (the import rejects).
    await expect.poll(() => blocked).toBe(2);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const id = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.getByRole("button", { name: /show answer/i }).tap();
    await page.getByRole("button", { name: /^Good/ }).tap();
    await page.waitForFunction((prev) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") !== prev, id);
    expect(await page.getByTestId("read-aloud-checking").count()).toBe(1);
    expect(await page.getByTestId("read-aloud").count()).toBe(0);
    await ctx.close();
  });
});
