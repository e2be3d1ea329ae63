import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { getLessons } from "@/lib/content/load";
import type { Lesson } from "@/lib/content/schema";
import { OUTCOMES } from "@/lib/now/check";
import { PHONE, useBrowser, signUp, cardShown } from "./browser";
import { testEnv } from "@/lib/env";

// Issue 23, "the checks cover every page": every page at 390×844 with touch, light and dark,
// fits the screen's width, has tap targets of at least 44×44 px that can be scrolled clear of
// the fixed bars, ends in one on-screen primary button where it has one, and passes axe.
const baseUrl = inject("baseUrl");
const browser = useBrowser();
const lessons = getLessons() as [Lesson, Lesson, ...Lesson[]];
// Screenshots for a look at the layout, when asked for: UNKNOT_SHOTS=/some/dir.
const SHOTS = testEnv().UNKNOT_SHOTS;
const SHOOT = new Set(["quiz mid-way, signed out", "/cards", "/settings/retention", "/progress", "/settings"]);

function phone(colorScheme: "light" | "dark"): Promise<BrowserContext> {
  const offset = 12 - new Date().getUTCHours();
  const timezoneId = offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  return browser().newContext({ ...PHONE, colorScheme, timezoneId });
}

// Runs in the page: every visible tap target (links, buttons, form controls, summaries) is
// scrolled into view as the browser scrolls a focused element (block/inline "nearest", which
// honours scroll-padding), then must be 44×44 px, inside the screen, clear of the fixed tab bar
// and answer bar, and the element a tap at its centre reaches. A link inside running text (an
// inline link in a block that holds other words) is exempt from the size rule, as WCAG 2.5.8 has it.
// `primary`: the page's primary action, the one visible `.btn.primary`, must pass the same checks.
function layoutProblems(primary: boolean): string[] {
  const problems: string[] = [];
  const W = window.innerWidth;
  const H = window.innerHeight;
  const root = document.documentElement;
  if (root.scrollWidth > W) problems.push(`the document is ${root.scrollWidth} px wide`);
  const describe = (el: Element) => {
    const text = (el.getAttribute("aria-label") || (el as HTMLElement).innerText || el.getAttribute("name") || el.id || el.tagName).trim().replace(/\s+/g, " ");
    return `${el.tagName.toLowerCase()} "${text.slice(0, 40)}"`;
  };
  const fixedBars = Array.from(document.querySelectorAll(".main-nav, .answer-bar")).filter((b) => {
    const s = getComputedStyle(b);
    return s.position === "fixed" && b.getBoundingClientRect().height > 0;
  });
  const isVisible = (el: Element) =>
    el.checkVisibility({ opacityProperty: false, visibilityProperty: true }) && el.getBoundingClientRect().width > 1 && el.getBoundingClientRect().height > 1;
  const inRunningText = (el: Element) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (!block) return false;
    return (block.textContent ?? "").replace(/\s+/g, "").length > (el.textContent ?? "").replace(/\s+/g, "").length;
  };
  // The box a finger aims at: a checkbox or radio's label when it wraps it.
  const target = (el: Element): Element => {
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) return el.closest("label") ?? el;
    return el;
  };
  const check = (el: Element, what: string) => {
    const t = target(el);
    t.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
    const r = t.getBoundingClientRect();
    const name = `${what}${describe(el)}`;
    if (!inRunningText(el) && (r.width < 43.5 || r.height < 43.5)) problems.push(`${name} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
    if (r.left < -0.5 || r.right > W + 0.5 || r.top < -0.5 || r.bottom > H + 0.5) {
      problems.push(`${name} is outside the screen (${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)})`);
      return;
    }
    for (const bar of fixedBars) {
      if (bar.contains(t)) continue;
      const b = bar.getBoundingClientRect();
      if (r.bottom > b.top + 0.5 && r.top < b.bottom && r.right > b.left && r.left < b.right)
        problems.push(`${name} lies under the fixed ${bar.classList.contains("main-nav") ? "tab bar" : "answer bar"}`);
    }
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(hit === t || t.contains(hit) || hit.contains(t) || (hit instanceof HTMLLabelElement && hit.control === el)))
      problems.push(`${name} is covered by ${hit ? describe(hit) : "nothing"}`);
  };
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
  for (const el of Array.from(document.querySelectorAll(selector))) {
    // The skip link shows only when focused.
    if (el.classList.contains("sr-only")) continue;
    if (!isVisible(el)) continue;
    check(el, "");
  }
  if (primary) {
    const primaries = Array.from(document.querySelectorAll(".btn.primary")).filter(isVisible);
    if (primaries.length !== 1) problems.push(`${primaries.length} visible primary buttons (${primaries.map(describe).join(", ")})`);
    else check(primaries[0]!, "the primary action ");
  }
  window.scrollTo(0, 0);
  return problems;
}

async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `axe ${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

async function settle(page: Page) {
  // After a client-side navigation (signing in goes on with router.push), Next streams the new
  // page's <title> in after its content: axe checks the page once it has one.
  await page.waitForFunction(() => document.title !== "");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

describe("every page on a phone", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(
      `fits the screen, has 44 px tap targets clear of the tab bar and one on-screen primary button, and passes axe, ${scheme}`,
      { timeout: 1_200_000 },
      async () => {
        const found: string[] = [];
        const visited: string[] = [];
        const ctx = await phone(scheme);
        const page = await ctx.newPage();
        const inspect = async (label: string, primary: boolean) => {
          await settle(page);
          visited.push(label);
          const problems = [...(await page.evaluate(layoutProblems, primary)), ...(await axeProblems(page))];
          if (SHOTS && SHOOT.has(label)) await page.screenshot({ path: path.join(SHOTS, `${label.replace(/\W+/g, "-").replace(/^-|-$/g, "")}-${scheme}.png`) });
          found.push(...problems.map((p) => `${label}: ${p}`));
          if (testEnv().LAYOUT_LOG) console.log(`[${scheme}] ${label}: ${problems.length ? problems.join("\n  ") : "ok"}`);
        };
        const visit = async (path: string, primary: boolean, ready?: () => Promise<unknown>) => {
          await page.goto(baseUrl + path, { waitUntil: "networkidle" });
          if (ready) await ready();
          await inspect(path, primary);
        };
        const lesson = lessons[0];
        const quiz = async (who: string) => {
          await visit(`/learn/${lesson.slug}/quiz`, false);
          const box = page.getByTestId("quiz-question");
          for (let i = 0; i < lesson.quiz.length; i++) {
            await box.getByRole("button").first().tap();
            await page.getByTestId("quiz-feedback").waitFor();
            if (i === 1) await inspect(`quiz mid-way, ${who}`, true);
            await page.getByRole("button", { name: i === lesson.quiz.length - 1 ? "See your score" : "Next question" }).tap();
          }
          await page.getByTestId("quiz-result").waitFor();
          await inspect(`quiz result, ${who}`, true);
        };

        // Signed out.
        await visit("/", true);
        await visit("/learn", false);
        await visit(`/learn/${lesson.slug}`, true);
        await quiz("signed out");
        await visit("/sources", false);
        await visit("/now", false);
        await visit("/now/check", false);
        await visit("/now/check/2", false);
        for (const tier of OUTCOMES) await visit(`/now/check/result/${tier}`, false);
        await visit("/offline", false);
        await visit("/review-shell", false);
        await visit("/signed-out", true);
        await visit("/account-deleted", true);
        await visit("/sign-up", true);
        await visit("/no-such-page", false);
        await page.goto(`${baseUrl}/review`, { waitUntil: "networkidle" });
        await inspect("/sign-in, sent from /review", true);

        // A new learner.
        await signUp(page, baseUrl, undefined, "/welcome", false);
        await inspect("/welcome", true);
        await visit("/", true);
        await visit("/review", true, () => page.getByTestId("session-done").waitFor());
        await page.getByRole("button", { name: "Sign out" }).tap();
        await page.waitForURL((u) => u.pathname === "/signed-out");

        // The demo account.
        await visit("/sign-in", true);
        await page.getByRole("button", { name: "Try the demo account" }).tap();
        await page.waitForURL((u) => u.pathname === "/review", { timeout: 30_000 });
        await cardShown(page);
        await inspect("/review with a card", true);
        await page.getByRole("button", { name: /^Show answer/ }).tap();
        await page.getByTestId("answer").waitFor();
        await inspect("/review with the answer shown", false);
        await visit("/", true);
        await visit(`/learn/${lesson.slug}`, false);
        await quiz("signed in");
        await visit("/progress", false);
        await visit("/cards", true, () => page.getByTestId("card-list").waitFor());
        const info = await page.getByTestId("card-list").locator("a.card-front").first().getAttribute("href");
        await visit(info!, true);
        await visit("/settings", true);
        await visit("/settings/retention", false, () => page.getByTestId("retention-choices").first().waitFor({ timeout: 60_000 }));
        await visit("/account", false);
        await visit("/offline", false);
        await ctx.close();

        expect(visited.length).toBeGreaterThan(30);
        expect(found).toEqual([]);
      },
    );
  }
});

describe("the smaller things on a phone", () => {
  it("keeps every setting in one form with one Save, finds a time zone by name and takes the device's zone", async () => {
    const ctx = await browser().newContext({ ...PHONE, timezoneId: "Europe/Lisbon" });
    const page = await ctx.newPage();
    await signUp(page, baseUrl, undefined, "/settings", false);
    // Every scheduling setting is in the one form; reminders (times, this device's push) are their own section.
    expect(await page.getByRole("form", { name: "Settings" }).getByRole("button", { name: /^Save/ }).count()).toBe(1);
    await page.getByLabel("New cards per day").fill("12");
    await page.getByLabel("Reviews per day").fill("150");
    await page.locator("details.advanced > summary").tap();
    await page.getByLabel(/Leech threshold/).fill("6");
    const zone = page.locator("select#timeZone");
    await page.getByLabel(/Find a zone/).fill("new york");
    expect(await zone.locator("option").allTextContents()).toEqual(expect.arrayContaining(["America/New York"]));
    expect(await zone.locator("option").count()).toBeLessThanOrEqual(3);
    await zone.selectOption("America/New_York");
    await page.getByRole("button", { name: /Use this device's zone/ }).tap();
    expect(await zone.inputValue()).toBe("Europe/Lisbon");
    await page.getByRole("button", { name: "Save settings" }).tap();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Settings saved" }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByLabel("Reviews per day").inputValue()).toBe("150");
    expect(await page.getByLabel("New cards per day").inputValue()).toBe("12");
    expect(await page.getByLabel(/Leech threshold/).inputValue()).toBe("6");
    expect(await page.locator("select#timeZone").inputValue()).toBe("Europe/Lisbon");
    await ctx.close();
  });

  it("reads a lesson aloud section by section where the browser has voices, and says why not where it has none", async () => {
    const ctx = await phone("light");
    const page = await ctx.newPage();
    const lesson = lessons[0];
    await page.goto(`${baseUrl}/learn/${lesson.slug}`);
    await page.getByTestId("read-aloud-unavailable").waitFor();
    expect(await page.getByRole("button", { name: "Read aloud" }).count()).toBe(0);

    // A browser with one voice: the speech engine is replaced by one that records what it is given.
    await page.addInitScript(() => {
      const w = window as unknown as { __spoken: string[] };
      w.__spoken = [];
      const synth = {
        getVoices: () => [{ name: "Test voice", lang: "en-GB" }],
        addEventListener() {},
        removeEventListener() {},
        cancel() {},
        speak(u: { text: string; onend: null | (() => void) }) {
          w.__spoken.push(u.text);
          if (w.__spoken.length < 3) setTimeout(() => u.onend?.(), 10);
        },
      };
      Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
      (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
        text: string;
        lang = "";
        onend = null;
        onerror = null;
        constructor(text: string) {
          this.text = text;
        }
      };
    });
    await page.reload();
    await page.getByRole("button", { name: "Read aloud" }).tap();
    const spoken = () => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
    await expect.poll(spoken).toHaveLength(3);
    const [heading, first, second] = await spoken();
    expect(heading).toBe(lesson.sections[0]!.heading);
    expect(lesson.sections[0]!.body.replace(/\s+/g, " ")).toContain(first!.slice(0, 30));
    expect(second!.length).toBeGreaterThan(0);
    const bar = page.getByRole("region", { name: "Reading aloud" });
    expect(await bar.textContent()).toContain(`Reading section 1 of ${lesson.sections.length}: ${lesson.sections[0]!.heading}`);
    await bar.getByRole("button", { name: "Next section" }).tap();
    await expect.poll(async () => (await spoken()).at(-1)).toBe(lesson.sections[1]!.heading);
    await bar.getByRole("button", { name: "Stop" }).tap();
    await page.getByRole("button", { name: "Read aloud" }).waitFor();
    await ctx.close();
  });

  it("names the daily new-card limit, shows a card only the actions that change it, and gives /sources a jump list", async () => {
    const ctx = await phone("light");
    const page = await ctx.newPage();
    await signUp(page, baseUrl, undefined, "/welcome", false);
    const lesson = lessons[0];
    await page.goto(`${baseUrl}/learn/${lesson.slug}`);
    await page.getByRole("button", { name: "Remember this lesson" }).tap();
    await expect.poll(() => page.getByTestId("remember-result").textContent()).toContain("New cards come up at most 10 a day (your daily limit in Settings)");

    await page.goto(`${baseUrl}/cards`);
    await page.getByTestId("card-list").locator("a.card-front").first().tap();
    await page.waitForURL((u) => u.pathname.startsWith("/cards/"));
    expect(await page.getByRole("button", { name: "Suspend", exact: true }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Unsuspend" }).count()).toBe(0);
    await page.getByRole("button", { name: "Suspend", exact: true }).tap();
    await page.getByTestId("card-flags").filter({ hasText: "Suspended" }).waitFor();
    await page.getByRole("button", { name: "Unsuspend" }).waitFor();
    expect(await page.getByRole("button", { name: "Suspend", exact: true }).count()).toBe(0);
    const tiles = await page.locator(".card-stats .stat").evaluateAll((ts) => ts.map((t) => Math.round(t.getBoundingClientRect().width)));
    expect(tiles.length % 2).toBe(0);
    expect(new Set(tiles).size).toBe(1);

    await page.goto(`${baseUrl}/sources`);
    const index = page.getByRole("navigation", { name: "On this page" }).getByRole("link");
    const labels = await index.allTextContents();
    expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
    await index.filter({ hasText: "backpainhc.com" }).tap();
    await page.waitForURL((u) => u.hash === "#backpainhc");
    await ctx.close();
  });
});
