import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { getLessons, getSourceRecords } from "@/lib/content/load";
import { sentenceAround } from "@/lib/content/excerpts";
import { readSeed } from "@/lib/content/seeds";
import { cardView } from "@/lib/content/catalogue";
import type { Lesson } from "@/lib/content/schema";
import { useBrowser, signUp, middayContext, cardShown } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

// The sign-up helper remembers the first lesson, so the journey uses the second lesson.
const [starter, lesson, , guestLesson] = getLessons() as [Lesson, Lesson, Lesson, Lesson, ...Lesson[]];
const GUIDANCE_LABEL = "Mainstream clinical guidance (not from the source documents)";
// A seed file's name as the content cites it; no page may show one (titles and kinds instead).
const RAW_FILE_NAME = /\d{3}_[0-9a-f]{16}|\.txt\b/;

// Answers the quiz on screen, right except for the listed question ids. The right answer
// comes from the content file, whatever order the choices were shuffled into.
async function takeQuiz(page: Page, l: Lesson, miss: string[] = []) {
  const box = page.getByTestId("quiz-question");
  for (let i = 0; i < l.quiz.length; i++) {
    await expect.poll(() => box.locator("p.muted").textContent()).toBe(`Question ${i + 1} of ${l.quiz.length}`);
    const id = await box.getAttribute("data-question-id");
    const asked = l.quiz.find((q) => q.id === id)!;
    const wrong = miss.includes(asked.id);
    const choice = wrong ? asked.choices.find((c) => c !== asked.answer)! : asked.answer;
    await box.getByRole("button", { name: choice, exact: true }).click();
    const feedback = page.getByTestId("quiz-feedback");
    await expect.poll(() => feedback.textContent()).toContain(wrong ? "Not quite." : "Right.");
    expect(await feedback.textContent()).toContain(asked.explanation);
    expect(await feedback.locator(".source-list cite").count()).toBe(asked.sources.length);
    expect(await page.content()).not.toMatch(RAW_FILE_NAME);
    await page.getByRole("button", { name: i === l.quiz.length - 1 ? "See your score" : "Next question" }).click();
  }
  return page.getByTestId("quiz-score").textContent();
}

async function readLesson(page: Page, l: Lesson) {
  await page.goto(`${baseUrl}/learn/${l.slug}`);
  expect(await page.locator("h1").textContent()).toBe(l.title);
  // The disclaimer sits at the top of the lesson, before its first section.
  expect(await page.locator("article.lesson > .disclaimer").count()).toBe(1);
  expect(await page.locator("article.lesson h2").allTextContents()).toEqual(l.sections.map((s) => s.heading));
  for (const s of l.sections) expect(await page.locator(`h2#${s.id}`).count()).toBe(1);
  expect(await page.locator("details.sources").count()).toBe(l.sections.length);
}

describe("lessons and quizzes in a browser", () => {
  it("lets a new user read a lesson, miss one quiz question, remember the lesson and review the missed card first", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await signUp(page, baseUrl, undefined, "/learn");
    await page.getByRole("link", { name: lesson.title }).click();
    await page.waitForURL((u) => u.pathname === `/learn/${lesson.slug}`);
    await readLesson(page, lesson);
    const firstSources = page.locator("details.sources").first();
    await firstSources.locator("summary").click();
    const firstQuote = lesson.sections[0]!.sources.find((s) => "quote" in s);
    if (firstQuote && "quote" in firstQuote) expect(await firstSources.locator("blockquote").first().textContent()).toBe(firstQuote.quote);
    expect(await page.getByText(GUIDANCE_LABEL).count()).toBeGreaterThan(0);
    expect(await page.content()).not.toMatch(RAW_FILE_NAME);

    await page.getByRole("link", { name: "Take the quiz" }).click();
    await page.waitForURL((u) => u.pathname === `/learn/${lesson.slug}/quiz`);
    const missed = lesson.quiz[2]!;
    const n = lesson.quiz.length;
    expect(await takeQuiz(page, lesson, [missed.id])).toBe(`${n - 1} of ${n}`);
    expect(await page.getByTestId("quiz-result").textContent()).toContain("Your score is saved");

    await page.getByRole("button", { name: "Remember this lesson" }).click();
    await expect.poll(() => page.getByTestId("remember-result").textContent()).toContain(`Added ${lesson.cards.length - 1} cards to your deck`);

    // Room for every new card today, so that the whole lesson is in the queue.
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel("New cards per day").fill("100");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Settings saved" }).count()).toBe(1);

    await page.goto(`${baseUrl}/review`);
    await cardShown(page);
    expect(Number(await page.getByTestId("count-new").textContent())).toBe(starter.cards.length + lesson.cards.length);
    expect(await page.getByTestId("prompt").textContent()).toBe(cardView(missed.card)!.prompt);
    expect(await page.getByTestId("review-card").textContent()).toContain(lesson.title);
    await page.getByRole("button", { name: /Show answer/ }).click();
    const cardSources = page.getByTestId("card-sources");
    await cardSources.locator("summary").click();
    const shown = cardView(missed.card)!.sources;
    expect(await cardSources.locator("cite").allTextContents()).toEqual(shown.map((x) => x.title));
    expect(await page.content()).not.toMatch(RAW_FILE_NAME);

    await page.goto(`${baseUrl}/learn`);
    const badges = await page.getByTestId(`lesson-${lesson.slug}`).getByTestId("lesson-badges").textContent();
    expect(badges).toContain("Done");
    expect(badges).toContain(`In deck: ${lesson.cards.length} of ${lesson.cards.length}`);
    expect(badges).toContain(`Best quiz score: ${n - 1}/${n}`);
    await context.close();
  });

  it("lets a guest read a lesson and take its quiz, and shows the score without saving it", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await readLesson(page, guestLesson);
    const signUpLink = page.getByRole("link", { name: "Sign up to remember this lesson" });
    expect(await signUpLink.getAttribute("href")).toBe(`/sign-up?callbackUrl=${encodeURIComponent(`/learn/${guestLesson.slug}`)}`);

    await page.getByRole("link", { name: "Take the quiz" }).click();
    await page.waitForURL((u) => u.pathname === `/learn/${guestLesson.slug}/quiz`);
    const n = guestLesson.quiz.length;
    expect(await takeQuiz(page, guestLesson, [guestLesson.quiz[0]!.id, guestLesson.quiz[n - 1]!.id])).toBe(`${n - 2} of ${n}`);
    expect(await page.getByTestId("quiz-result").textContent()).toContain("not saved");
    // A visitor is asked to sign up (and can sign in), back to this quiz either way.
    const quizPath = encodeURIComponent(`/learn/${guestLesson.slug}/quiz`);
    expect(await page.getByTestId("quiz-result").getByRole("link", { name: "Create a free account" }).getAttribute("href")).toBe(
      `/sign-up?callbackUrl=${quizPath}`,
    );
    expect(await page.getByTestId("quiz-result").getByRole("link", { name: "Sign in", exact: true }).getAttribute("href")).toBe(
      `/sign-in?callbackUrl=${quizPath}`,
    );

    const missing = await page.goto(`${baseUrl}/learn/no-such-lesson`);
    expect(missing?.status()).toBe(404);
    await context.close();
  });

  it("follows a citation to /sources, which shows every record and the quote in its sentence, without file names", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    const records = getSourceRecords();
    // A section whose first document quote sits inside a longer sentence, so the context shows.
    const firstQuote = (x: Lesson["sections"][number]) => x.sources.find((y) => "file" in y);
    const hasContext = (x: Lesson["sections"][number]) => {
      const q = firstQuote(x);
      if (!q || !("file" in q)) return false;
      const ex = sentenceAround(readSeed(q.file) ?? "", q.quote);
      return !!ex && ex.before.length + ex.after.length > 0;
    };
    const section = lesson.sections.find(hasContext)!;
    await page.goto(`${baseUrl}/learn/${lesson.slug}`);
    const details = page.locator(`section[aria-labelledby="${section.id}"] details.sources`);
    await details.locator("summary").click();
    const link = details.locator("a.source-title").first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/sources#/);
    await link.click();
    await page.waitForURL((u) => u.pathname === "/sources");
    expect(await page.locator("h1").textContent()).toBe("Sources");
    expect(await page.getByTestId("source-record").count()).toBe(records.documents.length + records.guidance.length);
    for (const d of records.documents) expect(await page.locator(`#${d.id} h3`).textContent()).toContain(d.title);
    for (const g of records.guidance) expect(await page.locator(`#${g.id} h3`).textContent()).toContain(g.title);
    // The quote the reader followed, marked inside its sentence from the seed document.
    const cited = firstQuote(section)!;
    const target = page.locator(`[id="${href!.slice("/sources#".length)}"]`);
    expect(await target.locator("mark").textContent()).toBe("quote" in cited ? cited.quote.replace(/\s+/g, " ") : "");
    expect((await target.locator("blockquote").textContent())!.length).toBeGreaterThan(("quote" in cited ? cited.quote : "").length);
    expect(await page.getByTestId("full-text-unavailable").count()).toBe(0);
    const html = await page.content();
    expect(html).not.toMatch(RAW_FILE_NAME);
    expect(html).not.toMatch(/convulsion/i);
    await context.close();
  });
});
