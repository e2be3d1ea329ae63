import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, request, type Server } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { chooseEncoding, precompressStatic, servePrecompressed, staticFileFor } from "../../scripts/precompressed-static";

describe("choosing a static file's encoding", () => {
  it("prefers Brotli, then gzip, and answers neither to a client that accepts neither", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it("maps only scripts and stylesheets under /_next/static/ to files, never outside the directory", () => {
    const dir = path.resolve("/srv/build/static");
    expect(staticFileFor("/_next/static/chunks/a.js", dir)).toBe(path.join(dir, "chunks/a.js"));
    expect(staticFileFor("/_next/static/chunks/a.css?v=1", dir)).toBe(path.join(dir, "chunks/a.css"));
    expect(staticFileFor("/_next/static/media/logo.png", dir)).toBeNull();
    expect(staticFileFor("/learn/causes", dir)).toBeNull();
    expect(staticFileFor("/_next/static/../../secret.js", dir)).toBeNull();
    expect(staticFileFor("/_next/static/%2e%2e/%2e%2e/secret.js", dir)).toBeNull();
    expect(staticFileFor("/_next/static/%E0%A4%A.js", dir)).toBeNull();
  });
});

describe("serving the build's precompressed scripts and stylesheets", () => {
  let root: string;
  let server: Server;
  let port: number;
  const script = "console.log('unknot');\n".repeat(200);

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "unknot-static-"));
    mkdirSync(path.join(root, "chunks"));
    writeFileSync(path.join(root, "chunks/app.js"), script);
    writeFileSync(path.join(root, "chunks/plain.js"), script);
    expect(precompressStatic(root)).toBe(2);
    rmSync(path.join(root, "chunks/plain.js.br"));
    rmSync(path.join(root, "chunks/plain.js.gz"));
    // Whatever the precompressed files do not answer falls through to this stand-in for Next.
    server = createServer((req, res) => {
      if (!servePrecompressed(req, res, root)) res.writeHead(299).end("next");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  function get(url: string, headers: Record<string, string>, method = "GET") {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request({ host: "127.0.0.1", port, path: url, method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      })
        .on("error", reject)
        .end();
    });
  }

  it("answers a browser that accepts Brotli with the Brotli copy, cached for a year", async () => {
    const r = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(r.headers["vary"]).toBe("Accept-Encoding");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(r.body).toString()).toBe(script);
  });

  it("answers a gzip-only client with the gzip copy, and a HEAD request with headers alone", async () => {
    const r = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip" });
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(r.body).toString()).toBe(script);
    const head = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("leaves to Next a client that takes no compression, a file without copies, a range request and any other path", async () => {
    for (const [url, headers] of [
      ["/_next/static/chunks/app.js", { "accept-encoding": "identity" }],
      ["/_next/static/chunks/plain.js", { "accept-encoding": "br" }],
      ["/_next/static/chunks/app.js", { "accept-encoding": "br", range: "bytes=0-10" }],
      ["/_next/static/chunks/missing.js", { "accept-encoding": "br" }],
      ["/learn", { "accept-encoding": "br" }],
    ] as const) {
      const r = await get(url, headers);
      expect(r.status, url).toBe(299);
      expect(r.body.toString()).toBe("next");
    }
  });
});
