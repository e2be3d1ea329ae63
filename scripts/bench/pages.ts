import http from "node:http";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { percentile } from "./stats";
import { startupScriptsOf } from "../paint-first-html";

// Server time of a page, as a client on the same machine sees it: request sent to the last
// byte of the HTML received, in steady state. 100 timed requests, so that the p95 is the fifth
// slowest: of 40 it was the third, and one garbage collection or background job's turn in a run
// moved /review's p95 by 20-30 ms between runs of one build (of 15, the second slowest).
// After 30 untimed ones: a route's first requests in a process run before V8 has optimized its
// render path (on SQLite, /review for the heavy user took 35–45 ms for its first 30 requests
// and 26–32 ms after), and on PostgreSQL each pooled connection plans each statement on its
// first use there, so 5 left that start-up inside the timed requests.

export type PageTiming = { status: number; p50: number; p95: number } | { status: number; unavailable: true };

export async function timePage(url: string, cookie: string, warmup = 30, runs = 100): Promise<PageTiming> {
  const get = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  };
  const first = await get();
  if (first.status !== 200) return { status: first.status, unavailable: true };
  for (let i = 1; i < warmup; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await get();
    if (r.status !== 200) return { status: r.status, unavailable: true };
    times.push(r.ms);
  }
  return { status: 200, p50: percentile(times, 50), p95: percentile(times, 95) };
}

// `sentBytes`: what the server sends a browser that accepts Brotli, as every current one does
// (scripts/serve.ts answers with the build's precompressed copies); `gzipBytes`: the same
// scripts gzipped here, as a proxy that compresses with gzip alone would send them.
export type FirstLoadJs = { status: number; scripts: number; sentBytes: number; gzipBytes: number };

// The JavaScript a first visit downloads: every start-up script under /_next/ the HTML names,
// as a tag or as a line queued for after the first paint (scripts/paint-first-html.ts).
export function firstLoadScripts(base: string, html: string): string[] {
  const srcs = new Set<string>();
  for (const src of startupScriptsOf(html)) {
    const u = new URL(src, base);
    if (u.origin === new URL(base).origin && u.pathname.startsWith("/_next/")) srcs.add(u.pathname + u.search);
  }
  return [...srcs];
}

export async function gzipSizeOf(url: string): Promise<number> {
  return gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
}

// A script's size as the server sends it to a browser (compressed as the browser asks; fetch
// would decode it), and gzipped here: one request for both.
export function sizesOf(url: string, acceptEncoding = "gzip, deflate, br, zstd"): Promise<{ sent: number; gzip: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
          const sent = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const body = encoding === "br" ? brotliDecompressSync(sent) : encoding === "gzip" ? gunzipSync(sent) : sent;
          resolve({ sent: sent.length, gzip: gzipSync(body).length });
        });
      })
      .on("error", reject);
  });
}

export async function firstLoadJs(base: string, path: string, cookie: string): Promise<FirstLoadJs> {
  const res = await fetch(base + path, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) return { status: res.status, scripts: 0, sentBytes: 0, gzipBytes: 0 };
  const srcs = firstLoadScripts(base, html);
  let sentBytes = 0;
  let gzipBytes = 0;
  for (const src of srcs) {
    const { sent, gzip } = await sizesOf(base + src);
    sentBytes += sent;
    gzipBytes += gzip;
  }
  return { status: 200, scripts: srcs.length, sentBytes, gzipBytes };
}
