import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { getLessons } from "@/lib/content/load";
import type { Lesson } from "@/lib/content/schema";
import { PHONE, useBrowser, signUp, cardShown } from "./browser";

// Issue 23: the next step is one big button, on screen and clear of the tab bar, on a phone.
const baseUrl = inject("baseUrl");
const browser = useBrowser();
const lessons = getLessons() as [Lesson, Lesson, ...Lesson[]];

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
    expect(
      await page
        .getByRole("button", { name: /Undo/ })
        .filter({ visible: true })
        .evaluateAll((bs) => bs.filter((b) => (b as HTMLButtonElement).disabled).length),
    ).toBe(0);
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
    expect(await page.getByTestId("come-back").textContent()).toMatch(
      /^Your next card is due (at \d{1,2}(:\d\d)? [ap]m (today|tomorrow)|on \w+ at \d{1,2}(:\d\d)? [ap]m|on \d{1,2} [A-Z][a-z]+( \d{4})?)\.$/,
    );
    expect(await primary.textContent()).toContain(`Next lesson: ${lessons[1].title}`);
    // The last answer can still be undone.
    expect(await page.getByRole("button", { name: /Undo last answer/ }).isEnabled()).toBe(true);
    await ctx.close();
  });
});

describe("the demo account", () => {
  it("opens a session of 15 to 20 cards from Try the demo account, and its home suggests a lesson it does not hold", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole("button", { name: "Try the demo account" }).tap();
    await page.waitForURL((u) => u.pathname === "/review", { timeout: 30_000 });
    await cardShown(page);
    const n = async (id: string) => Number(await page.getByTestId(id).textContent());
    const size = (await n("count-new")) + (await n("count-learning")) + (await n("count-review"));
    expect(size).toBeGreaterThanOrEqual(15);
    expect(size).toBeLessThanOrEqual(20);
    expect(await n("count-review")).toBeGreaterThan(0);

    // The demo holds the first four lessons' cards (scripts/seed-demo.ts): home suggests the fifth.
    await page.goto(`${baseUrl}/`);
    const next = page.locator("main p", { hasText: "Next lesson:" }).getByRole("link");
    expect(await next.textContent()).toBe(lessons[4]!.title);
    await ctx.close();
  });
});

describe("progress charts on a phone", () => {
  it("starts the forecast at today with its scale on screen, keeps the history's scale and weekday labels on screen, and says Tap", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/sign-in?callbackUrl=/progress`);
    await page.getByRole("button", { name: "Try the demo account" }).tap();
    await page.waitForURL((u) => u.pathname === "/progress", { timeout: 30_000 });
    const onScreen = async (loc: Locator, what: string) => {
      const b = (await loc.boundingBox())!;
      expect(b.x, what).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, what).toBeLessThanOrEqual(390);
    };
    const forecast = page.getByTestId("forecast-chart");
    await forecast.scrollIntoViewIfNeeded();
    expect(await forecast.locator(".chart-scroll").evaluate((el) => el.scrollLeft)).toBe(0);
    await onScreen(forecast.locator("text", { hasText: /^Today$/ }), "forecast: Today");
    await onScreen(page.getByTestId("forecast-chart-scale-start"), "forecast: scale");
    const history = page.getByTestId("reviews-chart");
    await history.scrollIntoViewIfNeeded();
    await onScreen(page.getByTestId("reviews-chart-scale-end"), "history: scale");
    const heat = page.getByTestId("heatmap");
    await heat.scrollIntoViewIfNeeded();
    const visibleDays = await heat.locator(".heatmap-weekday text").evaluateAll((ts) =>
      ts
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left >= 0 && r.right <= window.innerWidth;
        })
        .map((t) => t.textContent),
    );
    expect(visibleDays).toEqual(["Mon", "Wed", "Fri"]);
    expect(await forecast.locator(".readout").innerText()).toBe("Tap a bar to see its value.");
    await ctx.close();
  });
});

describe("Help me decide on a phone", () => {
  it("fits 390 px and shows each group, the warning signs and the rest, with its time a day in minutes and seconds, a suggestion of 80% or more and what each choice means in cards forgotten", async () => {
    const ctx = await phone("dark");
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/sign-in?callbackUrl=/settings/retention`);
    await page.getByRole("button", { name: "Try the demo account" }).tap();
    await page.waitForURL((u) => u.pathname === "/settings/retention", { timeout: 30_000 });
    await page.getByTestId("decide-safety").getByTestId("retention-choices").waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const [group, floor] of [
      ["general", 80],
      ["safety", 90],
    ] as const) {
      const section = page.getByTestId(`decide-${group}`);
      const suggestion = (await section.getByTestId("retention-suggestion").textContent())!;
      const suggested = Number(suggestion.match(/Suggested: (\d+)%/)![1]);
      expect(suggested, group).toBeGreaterThanOrEqual(floor);
      expect(suggested, group).toBeLessThanOrEqual(95);
      expect(suggestion).toMatch(/about (\d+ min( \d+ s)?|\d+ s) of reviews a day/);
      const rows = await section.getByTestId("retention-choices").locator("tbody tr").allInnerTexts();
      expect(rows.length, group).toBeGreaterThanOrEqual(5);
      for (const r of rows) {
        expect(r).toMatch(/^\d+%/);
        expect(r).toMatch(/\d+(\.\d)? in 10 when due/);
        expect(r).toMatch(/\d+ of \d+ after a year/);
        expect(r).not.toMatch(/\d\.\d\d/);
      }
      expect(rows.some((r) => /^7\d%/.test(r))).toBe(false);
      // Above 95% the choice says what it costs.
      expect(rows.find((r) => r.startsWith("97%"))).toMatch(/many more reviews/);
      // Every Use button is a full tap target.
      for (const b of await section.getByRole("button", { name: /^Use / }).all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    // The warning signs' choices start at 80%, their lowest allowed value.
    const safetyRows = await page.getByTestId("decide-safety").getByTestId("retention-choices").locator("tbody th").allInnerTexts();
    expect(safetyRows[0]).toMatch(/^80%/);
    // The details wait behind Advanced, which opens to a table that scrolls inside the page.
    const advanced = page.getByTestId("decide-general").getByTestId("retention-advanced");
    expect(await advanced.locator("table").isVisible()).toBe(false);
    await advanced.locator("summary").tap();
    expect(await advanced.locator("table").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await ctx.close();
  });

  it("sets one group's value with one tap and leaves the other group's as it was", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await signUp(page, baseUrl, undefined, "/settings/retention");
    const general = page.getByTestId("decide-general");
    const safety = page.getByTestId("decide-safety");
    await safety.getByTestId("retention-choices").waitFor({ timeout: 60_000 });
    const now = (section: Locator) => section.getByTestId("retention-current").innerText();
    expect(await now(general)).toMatch(/^How much you remember now: 90%/);
    expect(await now(safety)).toMatch(/^How much you remember now: 95%$/);

    await safety.getByRole("button", { name: "Use 97% for the warning signs" }).tap();
    await expect.poll(() => now(safety)).toMatch(/^How much you remember now: 97%/);
    expect(await now(safety)).toMatch(/Above 95% you get many more reviews for little gain/);
    expect(await now(general)).toMatch(/^How much you remember now: 90%/);

    await general.getByRole("button", { name: "Use 85% for your cards" }).tap();
    await expect.poll(() => now(general)).toMatch(/^How much you remember now: 85%/);
    expect(await now(safety)).toMatch(/^How much you remember now: 97%/);
    // Settings shows the two values as set.
    await page.goto(`${baseUrl}/settings`);
    await expect.poll(() => page.getByLabel(/^Warning signs: how much to remember/).inputValue(), { timeout: 30_000 }).toBe("97");
    expect(await page.getByLabel(/^How much to remember/).inputValue()).toBe("85");
    await ctx.close();
  });
});

describe("plain words in settings", () => {
  it("takes how much to remember as a percentage (typing 85 works) and keeps FSRS terms behind Advanced", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await signUp(page, baseUrl, undefined, "/settings", false);
    const field = page.getByLabel(/^How much to remember/);
    expect(await field.inputValue()).toBe("90");
    await field.fill("85");
    await page.getByRole("button", { name: "Save settings" }).tap();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Settings saved" }).count()).toBe(1);
    await page.reload();
    // The form fills its fields as it hydrates.
    await expect.poll(() => page.getByLabel(/^How much to remember/).inputValue()).toBe("85");
    await page.getByLabel(/^How much to remember/).fill("99");
    await page.getByRole("button", { name: "Save settings" }).tap();
    await page.getByText("Choose at most 97%").waitFor();
    // Fuzz, the maximum interval and leeches are in closed Advanced sections, each explained.
    const advanced = [page.locator('input[name="enableFuzz"]'), page.locator("#maximumInterval"), page.locator("#leechThreshold")];
    for (const field of advanced) expect(await field.count()).toBe(1);
    for (const field of advanced) expect(await field.isVisible()).toBe(false);
    for (const summary of await page.locator("details.advanced > summary").all()) await summary.tap();
    for (const field of advanced) expect(await field.isVisible()).toBe(true);
    expect(await page.getByText(/moves each due date a day or so/).isVisible()).toBe(true);
    expect(await page.getByText(/A leech is a card you keep forgetting/).isVisible()).toBe(true);
    await page.goto(`${baseUrl}/settings/retention`);
    await expect.poll(() => page.getByTestId("decide-general").getByTestId("retention-current").textContent(), { timeout: 60_000 }).toMatch(/now: 85%/);
    await ctx.close();
  });
});

describe("/cards on a phone", () => {
  it("is a list of cards (front, due, state) with 44 px selection and a filter sheet, as wide as the screen; the table stays on a desktop", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/sign-in?callbackUrl=/cards`);
    await page.getByRole("button", { name: "Try the demo account" }).tap();
    await page.waitForURL((u) => u.pathname === "/cards", { timeout: 30_000 });
    const list = page.getByTestId("card-list");
    await list.waitFor();
    expect(await page.getByTestId("cards-table").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const items = list.locator("li");
    expect(await items.count()).toBeGreaterThan(10);
    const first = items.first();
    expect(await first.locator(".card-front").textContent()).not.toBe("");
    expect(await first.locator(".hint").textContent()).toMatch(/^(New|Learning|Review|Relearning)( · due .+)?/);
    // The filters wait in a closed sheet: the first card is on the first screen.
    expect(await page.getByLabel("Lesson").isVisible()).toBe(false);
    expect((await first.boundingBox())!.y + 44).toBeLessThanOrEqual(await tabBarTop(page));
    // Selecting by the 44 px box, and acting on the selection.
    const pick = first.locator(".card-pick");
    const box = (await pick.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await pick.tap();
    expect(await first.getByRole("checkbox").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Bury until tomorrow" }).tap();
    await page.getByRole("status").filter({ hasText: "Buried until tomorrow: 1 card" }).waitFor();
    await page.getByRole("button", { name: "Undo" }).tap();
    await page.getByRole("status").filter({ hasText: "Undone: 1 card restored" }).waitFor();
    // The sheet opens to the filters; a filter keeps it open and says so.
    await page.getByText("Filter and sort").tap();
    await page.getByLabel("State").selectOption("review");
    await page.getByRole("button", { name: "Apply filters" }).tap();
    await page.waitForURL((u) => u.searchParams.get("state") === "review");
    expect(await page.getByTestId("filter-sheet").getAttribute("open")).not.toBeNull();
    expect(await page.getByText("Filter and sort (1 on)").count()).toBe(1);
    for (const hint of await list.locator(".hint").allTextContents()) expect(hint).toMatch(/^Review/);
    // Each card's front is a link to its info, at least 44 px tall.
    expect((await first.locator(".card-front").boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await ctx.close();

    const wide = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const desk = await wide.newPage();
    await desk.goto(`${baseUrl}/sign-in?callbackUrl=/cards`);
    await desk.getByRole("button", { name: "Try the demo account" }).click();
    await desk.waitForURL((u) => u.pathname === "/cards", { timeout: 30_000 });
    await desk.getByTestId("cards-table").waitFor();
    expect(await desk.getByTestId("card-list").isVisible()).toBe(false);
    await wide.close();
  });
});

describe("smaller things a newcomer meets", () => {
  it("welcomes a first-ever learner without 'back', tells a visitor why Review, Cards and Progress need an account, and makes Sources toggles 44 px", async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    for (const [path, what] of [
      ["/review", "Your reviews are"],
      ["/cards", "Your cards are"],
      ["/progress", "Your progress is"],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForURL((u) => u.pathname === "/sign-in");
      const reason = page.getByTestId("sign-in-reason");
      expect(await reason.textContent()).toContain(`${what} kept in your account`);
      expect(await reason.getByRole("link", { name: "Create a free account" }).getAttribute("href")).toBe(`/sign-up?callbackUrl=${encodeURIComponent(path)}`);
    }
    await page.goto(`${baseUrl}/sign-in`);
    expect(await page.getByTestId("sign-in-reason").count()).toBe(0);

    await page.goto(`${baseUrl}/learn/${lessons[0].slug}`);
    const toggles = page.locator("details.sources > summary");
    expect(await toggles.count()).toBeGreaterThan(0);
    for (const t of await toggles.all()) expect((await t.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    await signUp(page, baseUrl, undefined, "/welcome", false);
    await page.goto(`${baseUrl}/`);
    expect(await page.locator("h1").textContent()).toBe("Welcome");
    await ctx.close();
  });
});
