import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { PHONE, useBrowser, signUp, cardShown } from "./browser";
import { sqliteDate, withUserCards } from "./suite";
import { testEnv } from "@/lib/env";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const DAY = 86_400_000;
// Screenshots for a look at the layout, when asked for: UNKNOT_SHOTS=/some/dir.
const SHOTS = testEnv().UNKNOT_SHOTS;

// Every card of the user's (in the suite's database) a review due since yesterday.
function makeDue(email: string) {
  return withUserCards(email, (db, cardIds) => {
    const now = Date.now();
    const update = db.prepare(
      `UPDATE "Card" SET "state" = 2, "due" = ?, "stability" = ?, "difficulty" = 5, "reps" = 3, "lastReview" = ?, "scheduledDays" = 4 WHERE "id" = ?`,
    );
    cardIds.forEach((id, i) => update.run(sqliteDate(new Date(now - DAY - i * 60_000)), 2 + (i % 5) * 3, sqliteDate(new Date(now - 5 * DAY)), id));
    return cardIds.length;
  });
}

// Where the page opens (no scrolling): the prompt lies between the top of the screen and the
// fixed answer bar, and Show answer is inside the screen.
async function expectCardOnFirstScreen(page: Page) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const bar = (await page.getByTestId("answer-bar").boundingBox())!;
  const prompt = (await page.getByTestId("prompt").boundingBox())!;
  expect(prompt.y, "the prompt starts on screen").toBeGreaterThanOrEqual(0);
  expect(prompt.y + prompt.height, "the prompt ends above the answer bar").toBeLessThanOrEqual(bar.y);
  const reveal = (await page.getByRole("button", { name: /^Show answer/ }).boundingBox())!;
  expect(reveal.y).toBeGreaterThanOrEqual(bar.y);
  expect(reveal.y + reveal.height).toBeLessThanOrEqual(844);
}

describe("the back check-in on a phone", () => {
  it("is skipped for the day in one tap, leaving the first card where it was", async () => {
    const context = await browser().newContext(PHONE);
    const page = await context.newPage();
    await signUp(page, baseUrl);
    await page.getByTestId("check-in").waitFor();
    await expectCardOnFirstScreen(page);
    const id = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.getByRole("button", { name: "Skip for today" }).tap();
    await expect.poll(() => page.getByTestId("check-in").count()).toBe(0);
    expect(await page.getByTestId("review-card").getAttribute("data-card-id")).toBe(id);
    await expectCardOnFirstScreen(page);
    await page.reload();
    await cardShown(page);
    expect(await page.getByTestId("check-in").count()).toBe(0);
    await context.close();
  });

  it("asks how the back is above the first card, and on a flare keeps a short session, says what moved, and puts it back with one tap", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser().newContext({ ...PHONE, colorScheme: scheme });
      const page = await context.newPage();
      const email = await signUp(page, baseUrl);
      const due = makeDue(email);
      expect(due).toBeGreaterThan(8);
      await page.goto(`${baseUrl}/review`);
      const checkIn = page.getByTestId("check-in");
      await checkIn.waitFor();
      await expect(page.getByRole("heading", { name: "How is your back today?" }).isVisible()).resolves.toBe(true);
      // The question is one line: the card's prompt and Show answer are on the first screen,
      // clear of the fixed answer bar.
      await expectCardOnFirstScreen(page);
      // One tap opens it.
      await checkIn.getByRole("button", { name: "How is your back today?" }).tap();
      // Every score is a tap target of at least 44 px, inside the screen.
      const boxes = await checkIn
        .locator(".score-choice span")
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ h: r.height, w: r.width, right: r.right })));
      expect(boxes).toHaveLength(11);
      for (const b of boxes) {
        expect(b.h).toBeGreaterThanOrEqual(44);
        expect(b.w).toBeGreaterThanOrEqual(44);
        expect(b.right).toBeLessThanOrEqual(390);
      }
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `check-in-${scheme}.png`), fullPage: true });

      await checkIn.getByRole("radio", { name: "8", exact: true }).tap();
      await page.getByLabel("I’m in a flare").tap();
      await page.getByRole("button", { name: "Save" }).tap();
      const notice = page.getByTestId("bad-day-notice");
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toMatch(/8 cards, about two minutes/);
      await expect(notice.textContent()).resolves.toContain(`${due - 8} cards moved to tomorrow`);
      expect(await page.getByTestId("check-in").count()).toBe(0);
      await expect(page.getByTestId("count-review").textContent()).resolves.toBe("8");
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `bad-day-${scheme}.png`), fullPage: true });

      await notice.getByRole("button", { name: /Put the \d+ cards back/ }).tap();
      await page.getByText(/are back in today’s review/).waitFor();
      await expect(page.getByTestId("count-review").textContent()).resolves.toBe(String(due));
      // Asked once a study day: not again on the next visit.
      await page.reload();
      await cardShown(page);
      expect(await page.getByTestId("check-in").count()).toBe(0);
      await context.close();
    }
  });
});
