import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { formatInterval } from "@/lib/srs/interval-label";
import { replayedCard } from "../replay-oracle";
import { useBrowser, middayContext, signIn, signUp, cardShown, submitSignIn } from "./browser";
import { freshDatabase, ROOT, startServer, type Server } from "../../scripts/shared/server";
import { E2E_PORT } from "./suite";

// Offline reviews end to end, on a server of this file's own that it stops and starts again.
// Playwright's context.setOffline(true) does not reliably reach the service worker's own
// fetches in this Chromium (it attaches to the worker only after the worker has started; see
// tests/e2e/offline.test.ts), so "offline" here is setOffline(true) AND no server at all:
// the reload can then only come from the worker. Back online is setOffline(false) and the same
// server started again on the same port and database.
const browser = useBrowser();
const PORT = E2E_PORT + 51;
const DB_FILE = path.join(ROOT, `data/test/e2e-offline-review-${E2E_PORT}.db`);
let env: Record<string, string>;
let server: Server | null = null;
let db: PrismaClient;

async function up() {
  server ??= await startServer(PORT, env);
  return server;
}
async function down() {
  await server?.stop();
  server = null;
}
const base = `http://localhost:${PORT}`;

beforeAll(async () => {
  // Every test signs up from 127.0.0.1: more learners than the default limit of 10 an hour.
  env = { DATABASE_URL: await freshDatabase(DB_FILE), NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000", UNKNOT_SIGNUPS_PER_HOUR: "100000" };
  db = createPrismaClient(env.DATABASE_URL!);
  await up();
});
afterAll(async () => {
  await down();
  await db?.$disconnect();
});

async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

// The browser's IndexedDB copy (app/review/offline-store.ts), read from the page.
function offlineRecords(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{
        snapshots: { userId: string; cards: { cardId: string }[] }[];
        pending: { clientId: string; cardId: string; rating: number; reviewedAt: number }[];
      }>((resolve, reject) => {
        const req = indexedDB.open("unknot-offline");
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const d = req.result;
          if (!d.objectStoreNames.contains("snapshots")) return resolve({ snapshots: [], pending: [] });
          const tx = d.transaction(["snapshots", "pending"]);
          const s = tx.objectStore("snapshots").getAll();
          const p = tx.objectStore("pending").getAll();
          tx.oncomplete = () => resolve({ snapshots: s.result, pending: p.result });
        };
      }),
  );
}

// Waits for this device's copy of the queue on screen. Signing up opened /review once before the
// first lesson was remembered, and that visit kept a copy with no cards: the copy must hold the
// card the page shows now.
async function keptOffline(page: Page) {
  const shown = await page.getByTestId("review-card").getAttribute("data-card-id");
  await expect
    .poll(async () => (await offlineRecords(page)).snapshots.map((s) => s.cards.some((c) => c.cardId === shown)), {
      timeout: 20_000,
    })
    .toEqual([true]);
}

async function userIdOf(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email } })).id;
}

// Reveals and grades one card by keyboard; returns the card and the interval its button showed.
async function gradeOne(page: Page, key: "1" | "2" | "3" | "4") {
  const cardId = await page.getByTestId("review-card").getAttribute("data-card-id");
  await page.keyboard.press("Space");
  await page.getByTestId("answer").waitFor();
  const label = await page.getByTestId(`ivl-${key}`).textContent();
  await page.keyboard.press(key);
  await page.waitForFunction(
    (id) => !document.querySelector('[data-testid="answer"]') && document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") !== id,
    cardId,
  );
  return { cardId: cardId!, label: label! };
}

// Records every card id and "New" count the page shows from now on (the initial ones too), in
// this document: a navigation starts a new document, whose records start empty.
async function watchShown(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { shown: { cards: string[]; newCounts: number[] } };
    w.shown = { cards: [], newCounts: [] };
    const note = () => {
      const id = document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id");
      const n = document.querySelector('[data-testid="count-new"]')?.textContent;
      if (id && w.shown.cards[w.shown.cards.length - 1] !== id) w.shown.cards.push(id);
      if (n != null) w.shown.newCounts.push(Number(n));
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

function shownSince(page: Page) {
  return page.evaluate(() => (window as unknown as { shown?: { cards: string[]; newCounts: number[] } }).shown ?? null);
}

async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await down();
}

// A new learner on /review whose day's queue this device keeps.
async function learnerWithCopy(context: BrowserContext) {
  // A test that failed while offline left the server stopped; the next starts it again.
  await up();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await controlled(page);
  const email = await signUp(page, base);
  await cardShown(page);
  await keptOffline(page);
  return { page, email, userId: await userIdOf(email) };
}

// The same learner, then offline: the review page reloaded with no server at all, so it is the
// worker's precached shell running on the local copy.
async function offlineLearner(context: BrowserContext) {
  const { page, email, userId } = await learnerWithCopy(context);
  await goOffline(context);
  await page.reload();
  await page.getByTestId("offline-banner").waitFor();
  // One CI run saw the banner but no card here; the page's text says which state it was in.
  await page
    .getByTestId("review-card")
    .waitFor()
    .catch(async (e: Error) => {
      throw new Error(
        `${e.message}\nThe offline page showed: ${await page.locator("body").innerText()}\nIts copy: ${JSON.stringify(await offlineRecords(page))}`,
      );
    });
  return { page, email, userId };
}

describe("reviewing offline", () => {
  it("goes on from the service worker and IndexedDB, and on return stores exactly the grades kept, at their review times, each card as its replay", async () => {
    const context = await middayContext(browser());
    const { page, userId } = await offlineLearner(context);

    const graded: Awaited<ReturnType<typeof gradeOne>>[] = [];
    for (let i = 0; i < 3; i++) graded.push(await gradeOne(page, "3"));
    await page.keyboard.press("Control+z");
    await page.getByTestId("undo-message").waitFor();
    const undone = graded.pop()!;
    // The undone card is shown again.
    expect(await page.getByTestId("review-card").getAttribute("data-card-id")).toBe(undone.cardId);
    for (let i = 0; i < 2; i++) graded.push(await gradeOne(page, i === 0 ? "1" : "4"));
    // The count follows the local copy's write, which can land just after the next card shows.
    await expect.poll(() => page.getByTestId("waiting-count").textContent()).toBe("4 reviews waiting to be sent.");
    const pending = (await offlineRecords(page)).pending;
    expect(pending.map((p) => p.cardId)).toEqual(graded.map((g) => g.cardId));
    expect(await db.reviewLog.count({ where: { userId } })).toBe(0);

    await context.setOffline(false);
    await up();
    // The shell sees the server again, reloads as the signed-in page, and sends the grades.
    await expect.poll(() => db.reviewLog.count({ where: { userId } }), { timeout: 60_000 }).toBe(4);
    await cardShown(page);
    await expect.poll(() => page.getByTestId("waiting-count").count()).toBe(0);
    const logs = await db.reviewLog.findMany({ where: { userId }, orderBy: { review: "asc" } });
    expect(logs.map((l) => [l.clientId, l.cardId, l.rating, l.review.getTime()])).toEqual(pending.map((p) => [p.clientId, p.cardId, p.rating, p.reviewedAt]));
    // The interval each button showed offline is the one the server's replay gave: the exact day,
    // or, for a grade even days placed on arrival (it stores the load it read in `balance`), the
    // fuzz range shown as "6–10d", as online (docs/scheduling.md#even-days-and-easy-days).
    logs.forEach((l, i) => {
      const stored = formatInterval(l.nextDue.getTime() - l.review.getTime());
      const range = /^(\d+)–(\d+)d$/.exec(graded[i]!.label);
      if (!range) return expect(stored).toBe(graded[i]!.label);
      expect(stored).toMatch(/^\d+d$/);
      expect(parseInt(stored)).toBeGreaterThanOrEqual(Number(range[1]));
      expect(parseInt(stored)).toBeLessThanOrEqual(Number(range[2]));
    });
    for (const cardId of new Set(logs.map((l) => l.cardId))) {
      const { stored, replayed } = await replayedCard(db, userId, cardId);
      expect(stored).toEqual(replayed);
    }
    await context.close();
  });

  it("comes back online in place: no page load, and no card or count from before the waiting grades were sent", async () => {
    const context = await middayContext(browser());
    const { page, userId } = await offlineLearner(context);
    const graded = [await gradeOne(page, "3"), await gradeOne(page, "3")];
    const newOffline = Number(await page.getByTestId("count-new").textContent());
    await watchShown(page);

    await context.setOffline(false);
    await up();
    await expect.poll(() => db.reviewLog.count({ where: { userId } }), { timeout: 60_000 }).toBe(2);
    await expect.poll(() => page.getByTestId("offline-banner").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByTestId("waiting-count").count()).toBe(0);
    await cardShown(page);
    // The same document all along (a reload would have dropped the records), which never showed
    // a card answered offline nor the counts from before those answers were sent.
    const shown = await shownSince(page);
    expect(shown).not.toBeNull();
    expect(shown!.cards.filter((id) => graded.some((g) => g.cardId === id))).toEqual([]);
    expect(Math.max(...shown!.newCounts)).toBeLessThanOrEqual(newOffline);
    await context.close();
  });

  it("opened again online with grades waiting, shows no card until they are sent, so never one they answered", async () => {
    const context = await middayContext(browser());
    const { page, userId } = await offlineLearner(context);
    const graded = await gradeOne(page, "3");
    await page.close();
    await context.setOffline(false);
    await up();
    const again = await context.newPage();
    // The server renders /review knowing from a cookie that grades wait here: no card shows until they are sent.
    await again.addInitScript(() => {
      const w = window as unknown as { shownAtLoad: string[] };
      w.shownAtLoad = [];
      document.addEventListener("DOMContentLoaded", () => {
        const note = () => {
          const id = document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id");
          if (id && !w.shownAtLoad.includes(id)) w.shownAtLoad.push(id);
        };
        note();
        new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    });
    await again.goto(`${base}/review`);
    await expect.poll(() => db.reviewLog.count({ where: { userId } }), { timeout: 30_000 }).toBe(1);
    await cardShown(again);
    expect(await again.evaluate(() => (window as unknown as { shownAtLoad: string[] }).shownAtLoad)).not.toContain(graded.cardId);
    await context.close();
  });

  it("sends a grade made when the live page lost its connection, and that page can then undo it", async () => {
    const context = await middayContext(browser());
    await context.addCookies([{ name: "unknot-grade-guide", value: "seen", url: base }]);
    const { page, userId } = await learnerWithCopy(context);
    // No reload: the page that was online grades on, from its local copy.
    await goOffline(context);
    const made = await gradeOne(page, "3");
    await page.getByTestId("offline-banner").waitFor();
    expect(await db.reviewLog.count({ where: { userId } })).toBe(0);

    // The state the page fetches after sending is slow to come: an undo made meanwhile must not be
    // overwritten by that older state.
    await page.route(`${base}/api/review`, async (route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    });
    const reloaded = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/review", { timeout: 60_000 });
    await context.setOffline(false);
    await up();
    await expect.poll(() => db.reviewLog.count({ where: { userId } }), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.getByTestId("offline-banner").count(), { timeout: 30_000 }).toBe(0);
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId } });
    expect(log.sessionId).not.toBeNull();
    // Stored with this page's study session: its undo reaches it.
    await page.keyboard.press("Control+z");
    await page.getByTestId("undo-message").waitFor();
    await expect.poll(async () => (await db.reviewLog.findUniqueOrThrow({ where: { id: log.id } })).undoneAt).not.toBeNull();
    await (await reloaded).finished();
    await page.unroute(`${base}/api/review`);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await page.getByTestId("review-card").getAttribute("data-card-id")).toBe(made.cardId);
    await context.close();
  });

  it("sends a live page whose session ended while offline to sign in, and stores its waiting grade once the learner is back", async () => {
    const context = await middayContext(browser());
    const { page, email, userId } = await learnerWithCopy(context);
    await goOffline(context);
    await gradeOne(page, "3");
    await page.getByTestId("offline-banner").waitFor();

    // Signed out elsewhere meanwhile: the session cookie is gone when the connection returns.
    await context.clearCookies();
    await context.setOffline(false);
    await up();
    await page.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.get("callbackUrl") === "/review", { timeout: 30_000 });
    expect(await db.reviewLog.count({ where: { userId } })).toBe(0);
    await submitSignIn(page, email);
    await expect.poll(() => db.reviewLog.count({ where: { userId } }), { timeout: 30_000 }).toBe(1);
    await context.close();
  });

  it("stores grades once when two tabs come back online together", async () => {
    const context = await middayContext(browser());
    const { page, userId } = await offlineLearner(context);
    await gradeOne(page, "3");
    await gradeOne(page, "3");
    const other = await context.newPage();
    await other.goto(`${base}/review`);
    await expect.poll(() => other.getByTestId("waiting-count").textContent()).toBe("2 reviews waiting to be sent.");
    const pending = (await offlineRecords(page)).pending;

    await context.setOffline(false);
    await up();
    await expect.poll(() => db.reviewLog.count({ where: { userId } }), { timeout: 60_000 }).toBe(2);
    // Both tabs have reloaded online and sent what they found; nothing is stored twice.
    for (const p of [page, other]) await expect.poll(() => p.getByTestId("offline-banner").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(async () => (await offlineRecords(other)).pending.length).toBe(0);
    // The same grades sent again by hand are answered as repeats.
    const res = await page.request.post(`${base}/api/review/sync`, {
      data: { grades: pending.map(({ clientId, cardId, rating, reviewedAt }) => ({ clientId, cardId, rating, reviewedAt, durationMs: 1000 })) },
    });
    expect((await res.json()).results.map((r: { status: string }) => r.status)).toEqual(["repeat", "repeat"]);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(2);
    await context.close();
  });

  it("keeps both reviews of a card graded offline in one browser and online in another, and gives the card its replayed state", async () => {
    const a = await middayContext(browser());
    const { page: pa, email, userId } = await offlineLearner(a);
    const offline = await gradeOne(pa, "1");

    // The server is back, but browser A stays offline while browser B grades the same card.
    await up();
    const b = await middayContext(browser());
    await b.addCookies([{ name: "unknot-grade-guide", value: "seen", url: base }]);
    const pb = await b.newPage();
    await signIn(pb, base, email);
    await cardShown(pb);
    expect(await pb.getByTestId("review-card").getAttribute("data-card-id")).toBe(offline.cardId);
    await gradeOne(pb, "3");
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);

    await a.setOffline(false);
    await expect.poll(() => db.reviewLog.count({ where: { userId } }), { timeout: 60_000 }).toBe(2);
    const { stored, replayed, logs } = await replayedCard(db, userId, offline.cardId);
    // Applied in review-time order: A's Again (earlier), then B's Good.
    expect(logs.map((l) => l.rating)).toEqual([1, 3]);
    expect(stored).toEqual(replayed);
    await a.close();
    await b.close();
  });
});

// A learner given a lesson's cards without ever opening /review on this device (signed out
// afterwards with `signedOut`), then /review offline: the worker's shell, with no copy to show.
async function shellWithoutCopy(context: BrowserContext, signedOut: boolean) {
  await up();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await controlled(page);
  const email = await signUp(page, base, undefined, "/");
  if (signedOut) await context.clearCookies();
  await goOffline(context);
  await page.goto(`${base}/review`);
  await page.getByTestId("no-offline-copy").filter({ hasText: "No copy of your reviews is saved on this device yet" }).waitFor();
  expect(await offlineRecords(page)).toEqual({ snapshots: [], pending: [] });
  return { page, email };
}

describe("a device that holds no copy", () => {
  it("says so offline, and opens the reviews by itself once the server answers again", async () => {
    const context = await middayContext(browser());
    const { page } = await shellWithoutCopy(context, false);
    await context.setOffline(false);
    await up();
    // No click: the page's probe (every 5 s) finds the server and loads /review.
    await cardShown(page, 30_000);
    expect(new URL(page.url()).pathname).toBe("/review");
    expect(await page.getByTestId("no-offline-copy").count()).toBe(0);
    await context.close();
  });

  it("signed out, sends the learner to sign in once the server answers again, and then to the reviews", async () => {
    const context = await middayContext(browser());
    const { page, email } = await shellWithoutCopy(context, true);
    await context.setOffline(false);
    await up();
    await page.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.get("callbackUrl") === "/review", { timeout: 30_000 });
    await submitSignIn(page, email);
    // Clearing the cookies also forgot that the guide to the grades was seen.
    await page.getByRole("button", { name: "Start my first review" }).click();
    await cardShown(page);
    expect(new URL(page.url()).pathname).toBe("/review");
    await context.close();
  });
});

describe("waiting grades and other users", () => {
  it("keeps a user's waiting grades through sign-out, never shows them to another user, and sends them when that user signs in again", async () => {
    const context = await middayContext(browser());
    const { page, email, userId } = await offlineLearner(context);
    await gradeOne(page, "3");
    // Signed out before the page could send it (the grade waits in IndexedDB); the signed-out
    // page is precached, and ending the session is clearing its cookie.
    await page.goto(`${base}/signed-out`);
    await page.getByRole("status").filter({ hasText: "signed out" }).waitFor();
    await context.clearCookies();
    await context.setOffline(false);
    await up();
    await expect.poll(async () => (await offlineRecords(page)).pending.length).toBe(1);
    // Another user on this browser: their review page shows none of it and sends nothing.
    await signUp(page, base);
    await cardShown(page);
    expect(await page.getByTestId("waiting-count").count()).toBe(0);
    await expect.poll(async () => (await offlineRecords(page)).snapshots.length, { timeout: 20_000 }).toBe(2);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(0);
    expect((await offlineRecords(page)).pending.length).toBe(1);
    await page.goto(`${base}/signed-out`);
    await context.clearCookies();

    await signIn(page, base, email);
    await expect.poll(() => db.reviewLog.count({ where: { userId } }), { timeout: 30_000 }).toBe(1);
    await context.close();
  });
});
