import { describe, expect, inject, it } from "vitest";
import { PHONE, signUp, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

describe("easy days on a phone", () => {
  it("marks the easy day and the day off set in settings in the coming week's forecast", async () => {
    // A zone where it is midday now, so today's study day lasts the whole test.
    const offset = 12 - new Date().getUTCHours();
    const timezoneId = offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
    const context = await browser().newContext({ ...PHONE, timezoneId });
    const page = await context.newPage();
    await signUp(page, baseUrl);

    await page.goto(`${baseUrl}/progress`);
    await page.getByRole("heading", { name: "Coming up" }).waitFor();
    expect(await page.getByTestId("easy-week").count()).toBe(0);

    // Tomorrow's weekday Minimum, and the day after a specific day off, in the learner's zone.
    const localNow = new Date(Date.now() + offset * 3_600_000);
    const tomorrow = new Date(localNow.getTime() + 86_400_000);
    const weekday = (tomorrow.getUTCDay() + 6) % 7;
    const dayAfter = new Date(localNow.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel(WEEKDAYS[weekday]!, { exact: true }).selectOption("minimum");
    await page.getByLabel(/Days off \(dates\)/).fill(dayAfter);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();

    await page.goto(`${baseUrl}/progress`);
    const week = page.getByTestId("easy-week");
    await week.waitFor();
    const text = (await week.textContent()) ?? "";
    expect(text.match(/\(day off\)/g)?.length).toBe(2);
    // The forecast's own table names the two days too.
    const rows = await page.locator('[data-testid="forecast-chart"] table tr').allTextContents();
    expect(rows.filter((r) => r.includes("(day off)")).length).toBeGreaterThanOrEqual(2);

    // Even days off: the forecast marks no easy day.
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel(/Even days/).uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    await page.goto(`${baseUrl}/progress`);
    await page.getByRole("heading", { name: "Coming up" }).waitFor();
    expect(await page.getByTestId("easy-week").count()).toBe(0);
    await context.close();
  });
});
