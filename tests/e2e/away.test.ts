import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { PHONE, useBrowser, signUp } from "./browser";
import { sqliteDate, withUserCards } from "./suite";
import { testEnv } from "@/lib/env";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const DAY = 86_400_000;
const SHOTS = testEnv().UNKNOT_SHOTS;

// A new user's study day (zone UTC, rollover 04:00) `k` days from today, as YYYY-MM-DD.
const studyDate = (k: number) => new Date(Date.now() - 4 * 3_600_000 + k * DAY).toISOString().slice(0, 10);

// Every card of the user's (in the suite's database) a review due 2, 3 or 4 study days from now.
function scheduleAhead(email: string) {
  return withUserCards(email, (db, cardIds) => {
    const update = db.prepare(
      `UPDATE "Card" SET "state" = 2, "due" = ?, "stability" = 4, "difficulty" = 5, "reps" = 2, "lastReview" = ?, "scheduledDays" = 4 WHERE "id" = ?`,
    );
    const start = Date.parse(`${studyDate(0)}T12:00:00Z`);
    cardIds.forEach((id, i) => {
      const due = start + (2 + (i % 3)) * DAY;
      update.run(sqliteDate(new Date(due)), sqliteDate(new Date(due - 4 * DAY)), id);
    });
    return cardIds.length;
  });
}

// The forecast's first week, cards a day, from the chart's accessible table.
async function week(page: Page): Promise<number[]> {
  await page.goto(`${baseUrl}/progress`);
  const chart = page.getByTestId("forecast-chart");
  await chart.waitFor();
  const values = await chart.locator("tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll("td, th")[1]?.textContent ?? "0")));
  return values.slice(0, 7);
}

describe("I'm away on a phone", () => {
  it("names the days away, sees what moves, and the week's forecast moves the reviews after the break; one undo puts them back", async () => {
    const context = await browser().newContext({ ...PHONE, colorScheme: "light" });
    const page = await context.newPage();
    const email = await signUp(page, baseUrl);
    const cards = scheduleAhead(email);
    expect(cards).toBeGreaterThan(3);

    const before = await week(page);
    expect(before[2]! + before[3]! + before[4]!).toBe(cards);

    await page.goto(`${baseUrl}/settings`);
    await page.getByRole("link", { name: "I'm away" }).tap();
    await page.getByRole("heading", { name: "I'm away" }).waitFor();
    await page.getByLabel("First day away").fill(studyDate(1));
    await page.getByLabel("Last day away").fill(studyDate(4));
    await page.getByRole("button", { name: "Show what would move" }).tap();
    const preview = page.getByTestId("away-preview");
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toMatch(new RegExp(`${cards} cards move by`));
    await expect(preview.textContent()).resolves.toMatch(/expect to remember about \d+% of them \(\d+% on time\)/);
    if (SHOTS) {
      await page.screenshot({ path: path.join(SHOTS, "away-preview-light.png"), fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.screenshot({ path: path.join(SHOTS, "away-preview-dark.png"), fullPage: true });
      await page.emulateMedia({ colorScheme: "light" });
    }
    await preview.getByRole("button", { name: `Move ${cards} cards` }).tap();
    await page.getByText(/^Break saved\./).waitFor();
    await page.getByRole("button", { name: "Undo this break" }).waitFor();

    const after = await week(page);
    // Nothing due on the days away; all of it on the days after (day 5 onwards).
    expect(after.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(after[5]! + after[6]!).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/settings/away`);
    await page.getByRole("button", { name: "Undo this break" }).tap();
    await page.getByText(new RegExp(`Break undone: ${cards} cards back where they were`)).waitFor();
    expect(await week(page)).toEqual(before);
    await context.close();
  });
});
