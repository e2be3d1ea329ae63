import path from "node:path";
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { PRECACHE_PLAN_FILE } from "../../scripts/build";
import { distDir, ROOT } from "../../scripts/shared/server";

// The pages the built worker fetches after its shell (lib/pwa/precache-plan.ts).
export function laterPages(): string[] {
  return (JSON.parse(readFileSync(path.join(ROOT, distDir(), PRECACHE_PLAN_FILE), "utf8")) as { later: string[] }).later;
}

// The paths this page's origin holds in Cache Storage.
export function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
}

// Waits until the service worker controls the page and has saved every lesson, quiz and flare
// page it keeps for offline use (it fetches them after its shell, once a page is idle). Polled
// from the test's side, so that it works under a page's fake clock.
export async function readyOffline(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const want = laterPages();
  const missing = async () => {
    const have = new Set(await cachedPaths(page));
    return want.filter((p) => !have.has(p));
  };
  await expect.poll(missing, { timeout: 60_000, interval: 250 }).toEqual([]);
}
