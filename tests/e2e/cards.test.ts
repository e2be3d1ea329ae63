import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser, signUp, middayContext, cardShown } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const shownCard = async (page: Page) => {
  await cardShown(page);
  return { id: await page.getByTestId("review-card").getAttribute("data-card-id"), prompt: (await page.getByTestId("prompt").textContent()) ?? "" };
};

describe("the cards page in a browser", () => {
  it("browses and searches the deck, suspends the card due next so that /review skips it, and unsuspends it", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await signUp(page, baseUrl);
    const first = await shownCard(page);

    // Cards is in the navigation.
    await page.getByRole("link", { name: "Cards" }).first().click();
    await page.waitForURL((u) => u.pathname === "/cards");
    const table = page.getByTestId("cards-table");
    await table.waitFor();
    const all = await table.locator("tbody tr").count();
    expect(all).toBeGreaterThan(1);

    // Search by a word of the first card's front: the URL holds the query.
    const word = first.prompt.split(/[^A-Za-z]+/).filter((w) => w.length > 4)[0]!;
    await page.getByLabel("Search", { exact: true }).fill(word.toUpperCase());
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL((u) => u.searchParams.get("q") === word.toUpperCase());
    const row = table.locator(`tr[data-card-id="${first.id}"]`);
    await row.waitFor();
    expect(await table.locator("tbody tr").count()).toBeLessThan(all);

    // The back button returns to the whole deck, and forward to the search.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has("q"));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="cards-table"] tbody tr').length === n, all);
    await page.goForward();
    await row.waitFor();

    await row.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Suspend", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Suspended 1 card" }).waitFor();
    await row.getByText("Suspended").waitFor();

    await page.goto(`${baseUrl}/review`);
    const next = await shownCard(page);
    expect(next.id).not.toBe(first.id);

    // Find it again by its flag, and unsuspend it from its own info page.
    await page.goto(`${baseUrl}/cards?flag=suspended`);
    const rows = page.getByTestId("cards-table").locator("tbody tr");
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole("link").click();
    await page.waitForURL((u) => u.pathname === `/cards/${first.id}`);
    await page.getByTestId("card-flags").filter({ hasText: "Suspended" }).waitFor();
    await page.getByRole("button", { name: "Unsuspend" }).click();
    await page.getByTestId("card-flags").filter({ hasText: "In the queue" }).waitFor();

    await page.goto(`${baseUrl}/review`);
    expect((await shownCard(page)).id).toBe(first.id);
    await context.close();
  });

  it("undoes the last action from the page", async () => {
    const context = await middayContext(browser());
    const page = await context.newPage();
    await signUp(page, baseUrl);
    await page.goto(`${baseUrl}/cards?sort=lesson`);
    const rows = page.getByTestId("cards-table").locator("tbody tr");
    await rows.first().waitFor();
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Bury until tomorrow" }).click();
    await page.getByRole("status").filter({ hasText: "Buried until tomorrow: 2 cards" }).waitFor();
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByRole("status").filter({ hasText: "Undone: 2 cards restored" }).waitFor();
    await page.goto(`${baseUrl}/cards?flag=buried`);
    await page.getByTestId("card-count").filter({ hasText: "No cards match" }).waitFor();
    await context.close();
  });
});
