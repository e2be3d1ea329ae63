import path from "node:path";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { createPrismaClient } from "../../lib/db/client";
import { getLessons } from "../../lib/content/load";
import { chromiumPath } from "../shared/chromium";
import { benchEnv } from "../../lib/env";
import { distDir, freshDatabase, ROOT, startServer } from "../shared/server";
import { createLoadUsers, LOAD_PASSWORD } from "../load/users";
import { signInHttp } from "../load/http";
import { BENCH_SECRET } from "./engine";
import { gzipSizeOf } from "./pages";
import { PRECACHE_PLAN_FILE, SW_FILE } from "../build";
import { laterUrls, lighthouseReport, median, precacheReport, precacheUrls, type Download, type PageScores, type Precache } from "./lighthouse-report";
import type { Report } from "./report";
import { secs } from "./stats";

// Lighthouse's mobile run (its default: a mid-range phone, simulated slow 4G, 4x slower CPU)
// on every main page, signed out and signed in, on a production server of its own with a fresh
// SQLite database. It drives the Chromium the e2e tests use (tests/e2e/browser.ts), headless.
//   UNKNOT_BENCH_LIGHTHOUSE_RUNS   runs per page (default 3; the median is reported)
//   UNKNOT_BENCH_LIGHTHOUSE_PAGES  comma-separated paths to run only some pages (e.g. /learn,/review)
//   UNKNOT_BENCH_LIGHTHOUSE_DIR    keeps each run's full Lighthouse report (JSON) in this directory

const log = (s: string) => console.log(`[bench] ${s}`);

export function lighthousePages(): { path: string; signedIn: boolean }[] {
  const lesson = getLessons()[0]!.slug;
  const out = ["/", "/learn", `/learn/${lesson}`, `/learn/${lesson}/quiz`, "/sources", "/now"].map((p) => ({ path: p, signedIn: false }));
  const inside = ["/", "/review", "/cards", "/progress", "/settings"].map((p) => ({ path: p, signedIn: true }));
  const only = benchEnv().UNKNOT_BENCH_LIGHTHOUSE_PAGES;
  return [...out, ...inside].filter((p) => !only || only.includes(p.path));
}

// The flags tests/e2e/browser.ts starts Chromium with, in the headless mode of @sparticuz/chromium.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

async function scoresOf(url: string, port: number, keepAs: string): Promise<PageScores> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices"],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const keep = benchEnv().UNKNOT_BENCH_LIGHTHOUSE_DIR;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(path.join(keep, `${keepAs}.json`), JSON.stringify(result.lhr));
  }
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`);
  return {
    performance: categories.performance?.score ?? NaN,
    accessibility: categories.accessibility?.score ?? NaN,
    bestPractices: categories["best-practices"]?.score ?? NaN,
    lcpMs: audits["largest-contentful-paint"]?.numericValue ?? NaN,
    tbtMs: audits["total-blocking-time"]?.numericValue ?? NaN,
    cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
  };
}

async function download(base: string, urls: string[]): Promise<Download> {
  let bytes = 0;
  let gzipBytes = 0;
  for (const u of urls) {
    bytes += (await (await fetch(base + u)).arrayBuffer()).byteLength;
    gzipBytes += await gzipSizeOf(base + u);
  }
  return { urls: urls.length, bytes, gzipBytes };
}

async function measurePrecache(base: string): Promise<Precache> {
  const shell = precacheUrls(readFileSync(path.join(ROOT, distDir(), SW_FILE), "utf8"));
  const later = laterUrls(readFileSync(path.join(ROOT, distDir(), PRECACHE_PLAN_FILE), "utf8"));
  return { ...(await download(base, shell)), later: await download(base, later) };
}

async function withChrome<T>(cookies: { name: string; value: string }[], base: string, f: (port: number) => Promise<T>): Promise<T> {
  let chrome: LaunchedChrome | undefined;
  try {
    chrome = await launch({ chromePath: await chromiumPath(), chromeFlags: CHROME_FLAGS, logLevel: "error" });
    if (cookies.length) {
      // Lighthouse clears a page's storage and caches between runs, never its cookies.
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      await browser.contexts()[0]!.addCookies(cookies.map((c) => ({ ...c, url: base })));
      await browser.close();
    }
    return await f(chrome.port);
  } finally {
    chrome?.kill();
  }
}

export async function benchLighthouse(port: number): Promise<Report> {
  const t0 = performance.now();
  const url = await freshDatabase(path.join(ROOT, "data/bench/lighthouse.db"));
  const db = createPrismaClient(url);
  const [email] = await createLoadUsers(db, "lighthouse", 1, 20).finally(() => db.$disconnect());
  const server = await startServer(port, { DATABASE_URL: url, NEXTAUTH_SECRET: BENCH_SECRET });
  try {
    const base = server.url;
    const cookieHeader = await signInHttp(base, email!, LOAD_PASSWORD);
    const sessionCookies = cookieHeader.split("; ").map((kv) => {
      const [name, ...rest] = kv.split("=");
      return { name: name!, value: rest.join("=") };
    });
    // The signed-in hint the proxy sets, and the one-time grade guide marked seen.
    const signedIn = [...sessionCookies, { name: "unknot-signed-in", value: "1" }, { name: "unknot-grade-guide", value: "seen" }];
    const runs = benchEnv().UNKNOT_BENCH_LIGHTHOUSE_RUNS;
    const pages = lighthousePages();
    const results: { path: string; signedIn: boolean; scores: PageScores }[] = [];
    for (const signed of [false, true]) {
      const group = pages.filter((p) => p.signedIn === signed);
      if (!group.length) continue;
      await withChrome(signed ? signedIn : [], base, async (chromePort) => {
        for (const p of group) {
          const each: PageScores[] = [];
          for (let i = 0; i < runs; i++) each.push(await scoresOf(base + p.path, chromePort, `${signed ? "in" : "out"}${p.path.replace(/\//g, "_")}-${i + 1}`));
          const scores = median(each);
          log(
            `lighthouse ${p.path}${signed ? " (signed in)" : ""}: performance ${scores.performance}, LCP ${Math.round(scores.lcpMs)} ms, TBT ${Math.round(scores.tbtMs)} ms, CLS ${scores.cls.toFixed(3)}`,
          );
          results.push({ path: p.path, signedIn: signed, scores });
        }
      });
    }
    const precache = await measurePrecache(base);
    log(`lighthouse: ${pages.length} pages x ${runs} runs in ${secs(t0)}`);
    const report = lighthouseReport(results, runs);
    const pre = precacheReport(precache);
    return { rows: [...report.rows, ...pre.rows], figures: [...report.figures, ...pre.figures] };
  } finally {
    await server.stop();
  }
}
