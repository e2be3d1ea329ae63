import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { gradeWithKeyboard, useBrowser, PASSWORD, signUp, middayContext, cardShown } from "./browser";
import { SUITE_DB_URL } from "./suite";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const stat = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());
// The height of today's bar: the last bar of the reviews chart, read from its data-value.
const todaysBar = (page: Page) =>
  page.evaluate(() => {
    const bars = document.querySelectorAll('[data-testid="reviews-chart"] rect.chart-bar');
    return bars.length ? Number(bars[bars.length - 1]!.getAttribute("data-value")) : 0;
  });

describe("progress in a browser", () => {
  it("shows reviews done with the keyboard in today's numbers and the charts", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await signUp(page, baseUrl);

    await page.goto(`${baseUrl}/progress`);
    expect(await stat(page, "done-today")).toBe(0);
    expect(await todaysBar(page)).toBe(0);
    expect(await page.locator('[data-testid="reviews-chart"] svg[role="img"] title').first().textContent()).toMatch(/Reviews per day/);
    await expect.poll(() => page.getByRole("button", { name: "Optimize my schedule" }).isDisabled()).toBe(true);
    expect(await page.getByText(/Not enough history yet: 0 of 64\./).count()).toBe(1);

    await page.goto(`${baseUrl}/review`);
    await cardShown(page);
    await gradeWithKeyboard(page, "3");
    await gradeWithKeyboard(page, "3");
    await gradeWithKeyboard(page, "4");

    await page.goto(`${baseUrl}/progress`);
    expect(await stat(page, "done-today")).toBe(3);
    expect(await stat(page, "new-today")).toBe(3);
    expect(await stat(page, "streak")).toBe(1);
    expect(await todaysBar(page)).toBe(3);
    const todayCell = await page.locator('[data-testid="heatmap"] rect.heat-4 title').allTextContents();
    expect(todayCell.some((t) => /: 3 reviews$/.test(t))).toBe(true);

    // The CSV export carries the three reviews.
    const csv = await page.request.get(`${baseUrl}/api/export/reviews`);
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="unknot-revlog-/);
    expect((await csv.text()).trimEnd().split("\n")).toHaveLength(4);
    await context.close();
  });

  it("deletes the account only with the right password, then signs out and confirms it on the host the user came to", async () => {
    // Reached as 127.0.0.1, not localhost: the redirects must stay on this host.
    const host = baseUrl.replace("localhost", "127.0.0.1");
    const context = await middayContext(browser());
    const page = await context.newPage();
    const email = await signUp(page, host);
    await page.goto(`${host}/settings`);
    await page.getByRole("link", { name: /delete your account/i }).click();
    await page.waitForURL((u) => u.pathname === "/account");

    await page.getByLabel("Your password").fill("not-the-password");
    await page.getByRole("button", { name: /Delete my account/ }).click();
    await expect.poll(() => page.locator("#password-error").textContent()).toMatch(/not right.*Nothing was deleted/);

    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByRole("button", { name: /Delete my account/ }).click();
    await page.waitForURL((u) => u.pathname === "/account-deleted", { timeout: 30_000 });
    expect(page.url()).toBe(`${host}/account-deleted`);
    expect(await page.getByRole("status").textContent()).toMatch(/account and all its data .* were deleted/);
    await page.goto(`${host}/progress`);
    await page.waitForURL((u) => u.pathname === "/sign-in");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect.poll(() => page.locator("#password-error").textContent()).toBe("Wrong email or password.");
    await context.close();
  });

  it("optimizes a user's schedule in the running server and applies the result", async () => {
    // History is written straight into the server's database (same file as global-setup's).
    process.env.DATABASE_URL = SUITE_DB_URL;
    const { db } = await import("@/lib/db");
    const { recallLearner, seedHistory } = await import("../integration/progress-fixtures");
    const context = await middayContext(browser());
    const page = await context.newPage();
    const email = await signUp(page, baseUrl);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    // A learner who forgets five times faster than the standard model: new parameters predict them better.
    // The history is the integration suite's, moved to whole days before today (no fuzz, UTC midnight):
    // a history that starts at another hour, or is fuzzed by random card ids, can leave the fit no better.
    const midnight = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    await seedHistory(user.id, {
      cards: 60,
      days: 60,
      start: new Date(midnight - 70 * 86_400_000),
      newPerDay: 6,
      fuzz: false,
      ratingFor: recallLearner(0.2, 11),
    });

    await page.goto(`${baseUrl}/progress`);
    await page.getByRole("button", { name: "Optimize my schedule" }).click();
    await page.getByTestId("optimize-result").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("optimize-result").locator("tbody tr").count()).toBe(2);
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect.poll(() => page.getByRole("status").allTextContents()).toContainEqual(expect.stringMatching(/Personal parameters applied/));
    await expect.poll(async () => JSON.parse((await db.user.findUniqueOrThrow({ where: { id: user.id } })).fsrsWeights ?? "null")).toHaveLength(21);
    await page.reload();
    expect(await page.getByText("personal parameters", { exact: true }).count()).toBe(1);
    await page.getByRole("button", { name: /Restore previous parameters/ }).click();
    await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).fsrsWeights).toBeNull();
    await context.close();
  });
});
