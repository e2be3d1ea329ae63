import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser, signIn, signUp, middayContext, cardShown } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

async function counts(page: Page) {
  const n = async (id: string) => Number(await page.getByTestId(id).textContent());
  return { new: await n("count-new"), learning: await n("count-learning"), review: await n("count-review") };
}

async function gradeWithKeyboard(page: Page, key: "1" | "2" | "3" | "4") {
  const before = await page.getByTestId("review-card").getAttribute("data-card-id");
  const prompt = await page.getByTestId("prompt").textContent();
  await page.keyboard.press("Space");
  await page.getByTestId("answer").waitFor();
  const interval = await page.getByTestId(`ivl-${key}`).textContent();
  await page.keyboard.press(key);
  await page.waitForFunction(
    ([id, p]) => {
      const card = document.querySelector('[data-testid="review-card"]');
      return (
        !document.querySelector('[data-testid="answer"]') &&
        (!card || card.getAttribute("data-card-id") !== id || card.querySelector('[data-testid="prompt"]')?.textContent !== p)
      );
    },
    [before, prompt],
  );
  return { cardId: before, interval };
}

describe("the review session in a browser", () => {
  it("lets a new user review three cards with the keyboard, undo one, and find the same state after signing in again", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    const email = await signUp(page, baseUrl);
    await cardShown(page);
    const start = await counts(page);
    expect(start.new).toBe(10);

    const first = await gradeWithKeyboard(page, "3");
    expect(first.interval).toBe("10m");
    await gradeWithKeyboard(page, "3");
    const third = await gradeWithKeyboard(page, "4");
    // A review interval even days will place shows the days it can land on ("7–9d").
    expect(third.interval).toMatch(/^\d+(–\d+)?d$/);
    expect(await counts(page)).toEqual({ new: 7, learning: 2, review: 0 });

    // Undo the Easy grade with Ctrl+Z: the third card is new again and shown again.
    await page.keyboard.press("Control+z");
    await page.waitForFunction((id) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") === id, third.cardId);
    expect(await counts(page)).toEqual({ new: 8, learning: 2, review: 0 });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/signed-out");
    await page.goto(`${baseUrl}/review`);
    await page.waitForURL((u) => u.pathname === "/sign-in");

    await signIn(page, baseUrl, email);
    await cardShown(page);
    expect(await counts(page)).toEqual({ new: 8, learning: 2, review: 0 });
    expect(await page.getByTestId("review-card").getAttribute("data-card-id")).toBe(third.cardId);
    await context.close();
  });

  it("grades with the mouse and shows each button's interval", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await signUp(page, baseUrl);
    await page.getByRole("button", { name: /Show answer/ }).click();
    // A tap before the page has hydrated is carried out once it has: wait for the answer.
    await page.getByTestId("answer").waitFor();
    const labels = await page.locator(".grades .ivl").allTextContents();
    expect(labels.slice(0, 3)).toEqual(["1m", "6m", "10m"]);
    await page.getByRole("button", { name: /^Good\b.*next review in 10m$/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="count-learning"]')?.textContent === "1");
    await context.close();
  });

  it("sends a signed-out visitor to sign in and back to the page they asked for", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/settings`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/settings");
    await context.close();
  });

  it("shows a clear message beside the field for a taken email, a weak password and a wrong password", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    const email = await signUp(page, baseUrl);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/signed-out");

    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another-long-passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.locator("#email-error").textContent()).toMatch(/already exists/);

    await page.getByLabel("Email").fill("fresh-" + email);
    for (const weak of ["password123", " ".repeat(10), "aaaaaaaaaa"]) {
      await page.getByLabel("Password").fill(weak);
      await page.getByRole("button", { name: "Create account" }).click();
      await expect.poll(() => page.locator("#password-error").textContent()).toMatch(/easy to guess.*unrelated words/);
      await page.getByLabel("Password").fill("");
    }

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-right-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect.poll(() => page.locator("#password-error").textContent()).toBe("Wrong email or password.");
    await context.close();
  });
});
