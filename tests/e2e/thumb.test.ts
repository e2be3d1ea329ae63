import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { getLessons } from "@/lib/content/load";
import type { Lesson } from "@/lib/content/schema";
import { useBrowser, signUp } from "./browser";

// Issue 23: the next step is one big button, on screen and clear of the tab bar, on a phone.
const baseUrl = inject("baseUrl");
const browser = useBrowser();
const lessons = getLessons() as [Lesson, Lesson, ...Lesson[]];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

function phone(colorScheme: "light" | "dark" = "light"): Promise<BrowserContext> {
  const offset = 12 - new Date().getUTCHours();
  const timezoneId = offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  return browser().newContext({ ...PHONE, colorScheme, timezoneId });
}

// The top of the fixed tab bar (the bottom of the screen where there is none).
async function tabBarTop(page: Page): Promise<number> {
  return page.locator(".main-nav").evaluate((nav) => (getComputedStyle(nav).position === "fixed" ? nav.getBoundingClientRect().top : window.innerHeight));
}

// On screen, above the tab bar, at least 44 px tall, and the element a tap at its centre reaches.
async function expectReachable(page: Page, target: Locator, what: string) {
  const box = (await target.boundingBox())!;
  const top = await tabBarTop(page);
  expect(box.y, what).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, what).toBeLessThanOrEqual(top);
  expect(box.x, what).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, what).toBeLessThanOrEqual(390);
  expect(box.height, what).toBeGreaterThanOrEqual(44);
  const hit = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!at && (at === el || el.contains(at));
  });
  expect(hit, `${what} is covered`).toBe(true);
}

describe("the quiz on a phone", () => {
  it("keeps Next question and See your score above the tab bar and uncovered after every answer", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const lesson = lessons[0];
    await page.goto(`${baseUrl}/learn/${lesson.slug}/quiz`);
    const box = page.getByTestId("quiz-question");
    for (let i = 0; i < lesson.quiz.length; i++) {
      await expect.poll(() => box.locator("p.muted").textContent()).toBe(`Question ${i + 1} of ${lesson.quiz.length}`);
      const id = await box.getAttribute("data-question-id");
      const q = lesson.quiz.find((x) => x.id === id)!;
      // A wrong answer: the longest feedback (the right answer is named too).
      await box.getByRole("button", { name: q.choices.find((c) => c !== q.answer)!, exact: true }).tap();
      const next = page.getByRole("button", { name: i === lesson.quiz.length - 1 ? "See your score" : "Next question" });
      await next.waitFor();
      // The button has focus (keyboard users) and the page has finished scrolling to it.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await expectReachable(page, next, `question ${i + 1}`);
      // The explanation's end can be scrolled clear of the bar.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const sources = (await page.getByTestId("quiz-feedback").locator(".source-list").boundingBox())!;
      const bar = (await page.getByTestId("quiz-answer-bar").boundingBox())!;
      expect(sources.y + sources.height, `question ${i + 1}: sources under the bar`).toBeLessThanOrEqual(bar.y);
      await next.tap();
    }
    await page.getByTestId("quiz-result").waitFor();
    await ctx.close();
  });

  it("makes Review now the primary button once the lesson is remembered after its quiz", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await signUp(page, baseUrl, undefined, "/welcome", false);
    const lesson = lessons[1];
    await page.goto(`${baseUrl}/learn/${lesson.slug}/quiz`);
    const box = page.getByTestId("quiz-question");
    for (let i = 0; i < lesson.quiz.length; i++) {
      await expect.poll(() => box.locator("p.muted").textContent()).toBe(`Question ${i + 1} of ${lesson.quiz.length}`);
      await box.getByRole("button").first().tap();
      await page.getByRole("button", { name: i === lesson.quiz.length - 1 ? "See your score" : "Next question" }).tap();
    }
    await page.getByTestId("quiz-result").waitFor();
    await page.getByRole("button", { name: "Remember this lesson" }).tap();
    const reviewNow = page.getByRole("link", { name: "Review now" });
    await reviewNow.waitFor();
    expect(await reviewNow.getAttribute("class")).toMatch(/\bprimary\b/);
    expect(await page.locator("[data-testid=quiz-result] .btn.primary:visible").count()).toBe(1);
    await reviewNow.scrollIntoViewIfNeeded();
    await expectReachable(page, reviewNow, "Review now");
    await reviewNow.tap();
    await page.waitForURL((u) => u.pathname === "/review");
    await ctx.close();
  });
});

describe("the end of a review on a phone", () => {
  async function expectOneWayOn(page: Page) {
    const done = page.getByTestId("session-done");
    await done.waitFor();
    const text = (await done.textContent())!;
    expect(text).not.toMatch(/again-rate|\d{1,2}\/\d{1,2}\/\d{4}|\d\d:\d\d:\d\d/);
    expect(await page.getByRole("button", { name: /Undo/ }).filter({ visible: true }).evaluateAll((bs) => bs.filter((b) => (b as HTMLButtonElement).disabled).length)).toBe(0);
    const primary = page.locator(".btn.primary:visible");
    expect(await primary.count()).toBe(1);
    await primary.scrollIntoViewIfNeeded();
    await expectReachable(page, primary, "the end's primary button");
    return { text, primary };
  }

  it("offers the next lesson as one primary button on an empty review, without zero counts or a disabled Undo", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await signUp(page, baseUrl, undefined, "/review", false);
    const { text, primary } = await expectOneWayOn(page);
    expect(text).toContain("Nothing to review right now");
    expect(text).not.toMatch(/\b0 (reviews|cards)\b/);
    expect(await primary.textContent()).toContain(`Next lesson: ${lessons[0].title}`);
    await ctx.close();
  });

  it("ends a finished session with today's count in plain words, when the next card is due, and the next lesson", async () => {
    const ctx = await phone("dark");
    const page = await ctx.newPage();
    await signUp(page, baseUrl);
    let n = 0;
    while (await page.getByTestId("review-card").count()) {
      const id = await page.getByTestId("review-card").getAttribute("data-card-id");
      await page.getByRole("button", { name: /^Show answer/ }).tap();
      await page.getByRole("button", { name: /^Easy/ }).tap();
      await page.waitForFunction((prev) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") !== prev, id);
      n++;
    }
    const { text, primary } = await expectOneWayOn(page);
    expect(text).toContain(`Today you reviewed ${n} cards`);
    expect(text).toContain("and remembered every one");
    expect(await page.getByTestId("come-back").textContent()).toMatch(/^Your next card is due (at \d{1,2}(:\d\d)? [ap]m (today|tomorrow)|on \w+ at \d{1,2}(:\d\d)? [ap]m)\.$/);
    expect(await primary.textContent()).toContain(`Next lesson: ${lessons[1].title}`);
    // The last answer can still be undone.
    expect(await page.getByRole("button", { name: /Undo last answer/ }).isEnabled()).toBe(true);
    await ctx.close();
  });
});
