import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { paintFirst, queueLine, rewriteStartupTags, StartupTagRewriter, startupScriptsOf } from "../../scripts/paint-first-html";
import { STARTUP_QUEUE_GLOBAL } from "@/lib/paint-first";

const A = "/_next/static/chunks/2kd_j37wb6fda.js";
const B = "/_next/static/chunks/turbopack-077hmtqrhcoji.js";

// The shape of a page as Next streams it: start-up scripts in the head, a preload and the
// bootstrap script in the body, inline payload scripts, a legacy noModule script.
const PAGE = [
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><style>a>b{color:red}</style>`,
  `<script src="${A}" async=""></script><script src="${B}" async="" nonce="abc"></script>`,
  `<script>document.documentElement.dataset.auth="out"</script><link rel="manifest" href="/manifest.webmanifest"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/boot.js"/></head>`,
  `<body><h1>Cold or heat?</h1><script src="/_next/static/chunks/legacy.js" noModule=""></script>`,
  `<script id="_R_">(globalThis.TURBOPACK||[]).push({})</script><script nonce="abc" async="" src="/_next/static/chunks/boot.js"></script>`,
  `<script>self.__next_f.push([1,"a<b"])</script></body></html>`,
].join("");

describe("the start-up script tags of a page", () => {
  it("become lines that queue each script for after the first paint, in order, keeping the tag's nonce in either attribute order", () => {
    const html = rewriteStartupTags(PAGE);
    expect(html).not.toMatch(/<script[^>]*\basync\b/);
    expect(html).toContain(queueLine(A));
    expect(html).toContain(queueLine(B, "abc"));
    expect(html).toContain(queueLine("/_next/static/chunks/boot.js", "abc"));
    expect(html.indexOf(queueLine(A))).toBeLessThan(html.indexOf(queueLine(B, "abc")));
    expect(queueLine(A)).toBe(`<script>(self.${STARTUP_QUEUE_GLOBAL}=self.${STARTUP_QUEUE_GLOBAL}||[]).push("${A}")</script>`);
  });

  it("lose the preload that would start the bootstrap script's download at once, and nothing else", () => {
    const html = rewriteStartupTags(PAGE);
    expect(html).not.toContain('rel="preload"');
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
    expect(html).toContain('<script src="/_next/static/chunks/legacy.js" noModule=""></script>');
    expect(html).toContain('<script id="_R_">(globalThis.TURBOPACK||[]).push({})</script>');
    expect(html).toContain("<style>a>b{color:red}</style>");
    expect(html).toContain('self.__next_f.push([1,"a<b"])');
  });

  it("leave alone a script from elsewhere, a module and an address that is not a plain file name", () => {
    for (const tag of [
      `<script src="https://cdn.example/x.js" async=""></script>`,
      `<script type="module" src="${A}" async=""></script>`,
      `<script src="/_next/static/chunks/x.js?y=&quot;" async=""></script>`,
      `<script src="${A}"></script>`,
    ])
      expect(rewriteStartupTags(tag)).toBe(tag);
  });

  it("are rewritten the same however the stream is cut", () => {
    const whole = rewriteStartupTags(PAGE);
    for (let cut = 0; cut <= PAGE.length; cut++) {
      for (const second of [cut, Math.min(PAGE.length, cut + 7)]) {
        const r = new StartupTagRewriter();
        const out = r.push(PAGE.slice(0, cut)) + r.push(PAGE.slice(cut, second)) + r.push(PAGE.slice(second)) + r.end();
        expect(out, `cut at ${cut} and ${second}`).toBe(whole);
      }
    }
  });

  it("are found as tags or as queued lines, so that the benchmark and the tests count what a first visit downloads", () => {
    const expected = [A, B, "/_next/static/chunks/boot.js"];
    expect(startupScriptsOf(PAGE).sort()).toEqual([...expected].sort());
    expect(startupScriptsOf(rewriteStartupTags(PAGE)).sort()).toEqual([...expected].sort());
  });
});

describe("a response from the production server", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<Response> {
    server = createServer((req, res) => {
      paintFirst(res);
      handler!(req, res);
    });
    await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
    return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }

  it("is rewritten when it is HTML, with the length Next set dropped, across writes that cut a character in two", async () => {
    const body = Buffer.from(`${PAGE}<p>Réglisse</p>`);
    const cut = body.indexOf("é") + 1;
    const res = await serve((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Length", body.length);
      res.write(body.subarray(0, 100));
      res.write(body.subarray(100, cut));
      res.end(body.subarray(cut));
    });
    expect(res.headers.get("content-length")).toBeNull();
    expect(await res.text()).toBe(rewriteStartupTags(`${PAGE}<p>Réglisse</p>`));
  });

  it("is rewritten when its headers are given to writeHead", async () => {
    const res = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(Buffer.byteLength(PAGE)) }).end(PAGE);
    });
    expect(await res.text()).toBe(rewriteStartupTags(PAGE));
  });

  it("passes through untouched when it is not HTML", async () => {
    const json = JSON.stringify({ html: PAGE });
    const res = await serve((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Content-Length", Buffer.byteLength(json));
      res.end(json);
    });
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(json)));
    expect(await res.text()).toBe(json);
  });
});
