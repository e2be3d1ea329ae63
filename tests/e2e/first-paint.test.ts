import { get } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { getLessons } from "@/lib/content/load";
import { COMPILE_HINT } from "../../scripts/compile-hints";
import { startupScriptsOf } from "../../scripts/paint-first-html";
import { PHONE, signUp, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

// What the server's HTML alone gives the browser before any script of ours has run: the page
// is loaded with JavaScript off, so the DOM is exactly the parsed HTML.
async function serverHtml(path: string) {
  const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  const head = await page.evaluate(() => ({
    stylesheets: [...document.head.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")),
    inlineStyles: document.head.querySelectorAll("style").length,
    blockingScripts: [...document.head.querySelectorAll("script[src]")]
      .filter((s) => !s.hasAttribute("async") && !s.hasAttribute("defer") && !s.hasAttribute("nomodule") && s.getAttribute("type") !== "module")
      .map((s) => s.getAttribute("src")),
  }));
  const heading = page.getByRole("heading", { level: 1 });
  const visible = await heading.isVisible();
  const insideTemplate = await page.evaluate(() => !!document.querySelector("h1")?.closest("template, [hidden]"));
  // The stylesheet applied without a request: the header is laid out as a row, not as bare links.
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector(".header-row")!).display);
  await context.close();
  return { head, visible, insideTemplate, styled };
}

const pages = ["/", "/learn", `/learn/${getLessons()[0]!.slug}`, "/sources"];

describe("first paint needs nothing but the page's own HTML", () => {
  for (const path of pages) {
    it(`${path} shows its styled main heading before any script runs, with no render-blocking stylesheet or script in its head`, async () => {
      const html = await serverHtml(path);
      expect(html.visible).toBe(true);
      expect(html.insideTemplate).toBe(false);
      expect(html.head.blockingScripts).toEqual([]);
      expect(html.head.stylesheets).toEqual([]);
      expect(html.head.inlineStyles).toBeGreaterThan(0);
      expect(html.styled).toBe("flex");
    });
  }
});

describe("a long page on a phone", () => {
  it("/sources lays out only the source records near the screen until the reader scrolls to the others", async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sources`);
    const rendered = () =>
      page.evaluate(() => [...document.querySelectorAll(".source-record > h3")].map((h) => h.checkVisibility({ contentVisibilityAuto: true })));
    const atLoad = await rendered();
    expect(atLoad.length).toBeGreaterThan(2);
    expect(atLoad.at(-1)).toBe(false);
    await page.locator(".source-record").last().scrollIntoViewIfNeeded();
    await expect.poll(async () => (await rendered()).at(-1)).toBe(true);
    await context.close();
  });
});

describe("a signed-in page on a phone", () => {
  // Prefetching the routes its links point to (two requests each, and their parsing) competed
  // with the page itself on a slow phone; a tap fetches the route instead.
  it("/cards, /settings and /progress fetch no other route while they load", async () => {
    const context = await browser().newContext(PHONE);
    const page = await context.newPage();
    await signUp(page, baseUrl, undefined, "/cards");
    const prefetches: string[] = [];
    page.on("request", (r) => {
      if (r.headers()["next-router-prefetch"] || r.url().includes("_rsc=")) prefetches.push(r.url());
    });
    for (const path of ["/cards", "/settings", "/progress"]) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    }
    expect(prefetches).toEqual([]);
    await context.close();
  });
});

// The page as it crosses the wire, undecoded: what a browser sending `accept-encoding` gets.
function rawPage(path: string, acceptEncoding: string): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${baseUrl}${path}`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

describe("a page over a weak signal", () => {
  const lesson = getLessons()[0]!;
  it("a lesson's HTML comes Brotli-compressed to a browser that accepts it, smaller than gzip, and gzip or plain to one that does not", async () => {
    const br = await rawPage(`/learn/${lesson.slug}`, "gzip, deflate, br");
    const gzip = await rawPage(`/learn/${lesson.slug}`, "gzip");
    const plain = await rawPage(`/learn/${lesson.slug}`, "identity");
    expect([br.encoding, gzip.encoding, plain.encoding]).toEqual(["br", "gzip", undefined]);
    // Each decodes to the whole page.
    for (const html of [brotliDecompressSync(br.body), gunzipSync(gzip.body), plain.body].map(String)) {
      expect(html).toContain(`href="/learn/${lesson.slug}/quiz"`);
      expect(html.trimEnd().endsWith("</html>")).toBe(true);
    }
    expect(br.body.length).toBeLessThan(gzip.body.length * 0.8);
  });
});

describe("the start-up scripts on a slow phone", () => {
  const lesson = getLessons()[0]!;
  it("every script the main pages name is marked for the browser to compile while it streams in", async () => {
    for (const path of ["/", "/learn", `/learn/${lesson.slug}`, `/learn/${lesson.slug}/quiz`, "/sources", "/now", "/sign-in"]) {
      const html = await (await fetch(`${baseUrl}${path}`)).text();
      const scripts = startupScriptsOf(html);
      expect(scripts.length, path).toBeGreaterThan(3);
      for (const src of scripts) expect((await (await fetch(`${baseUrl}${src}`)).text()).startsWith(COMPILE_HINT), `${path}: ${src}`).toBe(true);
    }
  });
});
