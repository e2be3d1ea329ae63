import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { getLessons } from "@/lib/content/load";
import type { Lesson } from "@/lib/content/schema";
import { PHONE, useBrowser, signUp } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const lesson = getLessons()[1] as Lesson;

const levelOn = async (page: Page, path: string, selector: string) => {
  await page.goto(`${baseUrl}${path}`);
  return page.locator(selector).getAttribute("data-level");
};

async function passQuiz(page: Page, l: Lesson) {
  await page.goto(`${baseUrl}/learn/${l.slug}/quiz`);
  const box = page.getByTestId("quiz-question");
  for (let i = 0; i < l.quiz.length; i++) {
    await expect.poll(() => box.locator("p.muted").textContent()).toBe(`Question ${i + 1} of ${l.quiz.length}`);
    const id = await box.getAttribute("data-question-id");
    const q = l.quiz.find((x) => x.id === id)!;
    await box.getByRole("button", { name: q.answer, exact: true }).click();
    await page.getByRole("button", { name: i === l.quiz.length - 1 ? "See your score" : "Next question" }).click();
  }
  await page.getByTestId("quiz-score").waitFor();
}

describe("lesson levels and the forgiving streak on a phone", () => {
  it("shows a lesson going from Not started to Read (read to its end) and Familiar (quiz passed) on /learn, home and /progress", async () => {
    const context = await browser().newContext({ ...PHONE, colorScheme: "dark" });
    const page = await context.newPage();
    await signUp(page, baseUrl, undefined, "/", false);
    const card = `[data-testid="lesson-${lesson.slug}"] [data-testid="lesson-level"]`;
    expect(await levelOn(page, "/learn", card)).toBe("not-started");

    // Reading to the end of the lesson marks it read.
    await page.goto(`${baseUrl}/learn/${lesson.slug}`);
    const marked = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/learn/${lesson.slug}`);
    await page.getByTestId("lesson-end").scrollIntoViewIfNeeded();
    await marked;
    expect(await levelOn(page, "/learn", card)).toBe("read");
    expect(await page.locator(card).textContent()).toContain("Take the quiz to reach Familiar.");

    await passQuiz(page, lesson);
    expect(await levelOn(page, "/learn", card)).toBe("familiar");
    expect(await levelOn(page, "/", `[data-testid="mastery-${lesson.slug}"]`)).toBe("familiar");
    expect(await page.getByTestId("home-streak-recent").textContent()).toContain("0 of 7");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/home-levels-phone.png", fullPage: true });

    expect(await levelOn(page, "/progress", `[data-testid="mastery-${lesson.slug}"]`)).toBe("familiar");
    expect(await page.locator(`[data-testid="mastery-${lesson.slug}"]`).textContent()).toContain("Add the lesson's cards to your deck");
    expect(await page.locator(`[data-testid="mastery-${getLessons()[0]!.slug}"]`).getAttribute("data-level")).toBe("not-started");
    await context.close();
  });
});
