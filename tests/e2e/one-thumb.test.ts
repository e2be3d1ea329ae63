import { describe, expect, inject, it } from "vitest";
import type { CDPSession, Locator, Page } from "playwright-core";
import { useBrowser, signUp, cardShown } from "./browser";

// Issue 23, one-handed review: two-button grading, swipes on the revealed card, and every review
// control in the bottom 40% of a phone screen, with touch (no hover, no long press).
const baseUrl = inject("baseUrl");
const browser = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function expectInThumbZone(target: Locator, what: string) {
  const box = (await target.boundingBox())!;
  expect(box.y, `${what} starts in the bottom 40%`).toBeGreaterThanOrEqual(844 * 0.6);
  expect(box.y + box.height, `${what} is on screen`).toBeLessThanOrEqual(844);
  expect(box.height, what).toBeGreaterThanOrEqual(44);
}

// A real touch swipe (touchstart, moves, touchend) across the middle of the card's prompt,
// brought to the middle of the screen first (above the fixed bars, as a thumb would find it).
async function swipe(page: Page, cdp: CDPSession, dx: number, dy = 0) {
  await page.getByTestId("prompt").evaluate((el) => el.scrollIntoView({ block: "center" }));
  const box = (await page.getByTestId("prompt").boundingBox())!;
  const x = Math.round(box.x + box.width / 2 - dx / 2);
  const y = Math.round(box.y + box.height / 2);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  for (let i = 1; i <= 6; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: x + Math.round((dx * i) / 6), y: y + Math.round((dy * i) / 6) }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function nextCard(page: Page, prev: string | null) {
  await page.waitForFunction((id) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") !== id, prev);
}

describe("one-handed review on a phone", () => {
  it("grades with Forgot and Remembered once two-button mode is on, keeps every control in the bottom 40%, and grades by swipe", async () => {
    const ctx = await browser().newContext(PHONE);
    const page = await ctx.newPage();
    await signUp(page, baseUrl);
    await page.goto(`${baseUrl}/settings`);
    await page.getByTestId("two-buttons").tap();
    await page.getByRole("button", { name: "Save settings" }).tap();
    await page.getByText("Settings saved.").waitFor();

    await page.goto(`${baseUrl}/review`);
    await cardShown(page);
    const undo = page.getByRole("button", { name: /Undo last answer/ });
    await expectInThumbZone(page.getByRole("button", { name: /^Show answer/ }), "Show answer");
    await expectInThumbZone(undo, "Undo");
    await page.getByRole("button", { name: /^Show answer/ }).tap();
    const grades = page.getByRole("group", { name: "How well did you remember?" }).getByRole("button");
    expect(await grades.count()).toBe(2);
    const forgot = page.getByRole("button", { name: /^Forgot/ });
    const remembered = page.getByRole("button", { name: /^Remembered/ });
    await expectInThumbZone(forgot, "Forgot");
    await expectInThumbZone(remembered, "Remembered");
    await expectInThumbZone(undo, "Undo");
    // The swipe hint is one short line that fits the phone, and a sentence for a screen reader.
    const hint = page.getByTestId("swipe-hint");
    expect(await hint.locator('[aria-hidden="true"]').textContent()).toBe("← Forgot · swipe · Remembered →");
    expect(await hint.locator(".sr-only").textContent()).toBe("Swipe the card left for Forgot, right for Remembered.");
    expect(
      await hint.evaluate((el) => ({ lines: Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)), cut: el.scrollWidth > el.clientWidth })),
    ).toEqual({
      lines: 1,
      cut: false,
    });

    // Remembered is Good.
    let prompt = await page.getByTestId("prompt").textContent();
    let id = await page.getByTestId("review-card").getAttribute("data-card-id");
    await remembered.tap();
    await nextCard(page, id);
    await undo.tap();
    await expect.poll(() => page.getByTestId("undo-message").textContent()).toBe(`Undid Good on \u201c${prompt}\u201d.`);

    // A swipe right on the revealed card is Remembered (Good), a swipe left Forgot (Again).
    const cdp = await ctx.newCDPSession(page);
    for (const [dx, name] of [
      [160, "Good"],
      [-160, "Again"],
    ] as const) {
      prompt = await page.getByTestId("prompt").textContent();
      id = await page.getByTestId("review-card").getAttribute("data-card-id");
      // Before the answer shows, a swipe does nothing.
      await swipe(page, cdp, dx);
      expect(await page.getByTestId("review-card").getAttribute("data-card-id")).toBe(id);
      await page.getByRole("button", { name: /^Show answer/ }).tap();
      await page.getByTestId("swipe-hint").waitFor();
      // A short slide, and a mostly vertical drag (scrolling), do nothing: had either graded, the
      // next card would show unrevealed, the swipe below would not grade, and Undo would name
      // another prompt.
      await swipe(page, cdp, Math.sign(dx) * 40);
      await swipe(page, cdp, dx / 2, 200);
      await swipe(page, cdp, dx);
      await nextCard(page, id);
      expect(await page.getByTestId("undo-message").count()).toBe(0);
      // A tap on Undo straight after the swipe sends the undo and brings the card back: the
      // server's answer names the grade it stored and undid.
      const undoSent = page.waitForRequest((r) => r.url().endsWith("/api/review/undo") && r.method() === "POST");
      await undo.tap();
      await undoSent;
      await expect.poll(() => page.getByTestId("undo-message").textContent()).toBe(`Undid ${name} on \u201c${prompt}\u201d.`);
      expect(await page.getByTestId("review-card").getAttribute("data-card-id")).toBe(id);
    }
    await ctx.close();
  });
});
