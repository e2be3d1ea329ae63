import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { gradeWithKeyboard, launchBrowser, signUp, middayContext, cardShown } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), "unknot-import-"));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

async function importFile(page: Page, file: string) {
  await page.goto(`${baseUrl}/account`);
  await page.getByLabel("Import from an Unknot export (.json)").setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
}

// As bytes: Playwright would quote a string that is not valid JSON.
const postImport = (context: BrowserContext, body: string) =>
  context.request.post(`${baseUrl}/api/account/import`, { data: Buffer.from(body), headers: { "content-type": "application/json" } });

describe("importing an export in the browser", () => {
  let exportFile: string;

  it("moves two reviews from one account to a new one, shown on /progress", async () => {
    const alice = await middayContext(browser);
    const page = await alice.newPage();
    await signUp(page, baseUrl);
    await cardShown(page);
    await gradeWithKeyboard(page, "3");
    await gradeWithKeyboard(page, "4");

    await page.goto(`${baseUrl}/account`);
    const download = page.waitForEvent("download");
    await page.getByTestId("export-json").click();
    exportFile = path.join(dir, (await download).suggestedFilename());
    await (await download).saveAs(exportFile);
    expect(JSON.parse(readFileSync(exportFile, "utf8")).reviewLogs).toHaveLength(2);
    await alice.close();

    const bob = await middayContext(browser);
    const bobPage = await bob.newPage();
    const violations = watchCsp(bobPage);
    await signUp(bobPage, baseUrl);
    await importFile(bobPage, exportFile);
    await expect
      .poll(() => bobPage.getByTestId("import-summary").textContent(), { timeout: 30_000 })
      .toMatch(/^Imported \d+ cards, 2 reviews, 0 quiz attempts, 0 saved parameter sets\./);
    expect(violations).toEqual([]);

    await bobPage.getByRole("link", { name: "progress", exact: true }).click();
    await bobPage.waitForURL((u) => u.pathname === "/progress");
    expect(Number(await bobPage.getByTestId("done-today").textContent())).toBe(2);
    expect(Number(await bobPage.getByTestId("new-today").textContent())).toBe(2);

    // A second import, say a double submit, is refused beside the field and changes nothing.
    await importFile(bobPage, exportFile);
    await expect.poll(() => bobPage.locator("#file-error").textContent()).toMatch(/^Import works only into an account with no reviews yet/);
    await bobPage.goto(`${baseUrl}/progress`);
    expect(Number(await bobPage.getByTestId("done-today").textContent())).toBe(2);
    await bob.close();
  });

  it("checks the file in the form before sending it", async () => {
    const carol = await middayContext(browser);
    const page = await carol.newPage();
    await signUp(page, baseUrl);
    await page.goto(`${baseUrl}/account`);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.locator("#file-error").textContent()).toMatch(/Choose an Unknot export file/);
    const csv = path.join(dir, "revlog.csv");
    writeFileSync(csv, "card_id,review_time\n");
    await importFile(page, csv);
    await expect.poll(() => page.locator("#file-error").textContent()).toMatch(/\.json/);
    await carol.close();
  });

  it("takes an export larger than the proxy's default body buffer, and refuses one over 32 MB with 413", async () => {
    const dave = await middayContext(browser);
    await signUp(await dave.newPage(), baseUrl);
    const text = readFileSync(exportFile, "utf8");

    const tooBig = await postImport(dave, text + " ".repeat(32 * 1024 * 1024));
    expect(tooBig.status()).toBe(413);
    expect(await tooBig.json()).toEqual({ ok: false, error: "Request too large: the limit is 32 MB." });

    // Sent in chunks with no Content-Length, the body is counted as it arrives.
    const cookie = (await dave.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const mb = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(mb);
        else controller.close();
      },
    });
    const streamed = await fetch(`${baseUrl}/api/account/import`, {
      method: "POST",
      body: stream,
      headers: { cookie, "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);

    const malformed = await postImport(dave, text.slice(0, -10));
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toBe("The request body must be JSON.");

    // Whitespace keeps the document valid while making the body 12 MB.
    const padded = await postImport(dave, text.replace(/^\{/, "{" + " ".repeat(12 * 1024 * 1024)));
    expect(await padded.json()).toMatchObject({ ok: true, reviewLogs: 2 });
    // The route sets the headers the proxy sets everywhere else.
    expect(padded.headers()["x-content-type-options"]).toBe("nosniff");
    expect(padded.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await dave.close();
  });
});
