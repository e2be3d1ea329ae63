import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { APIRequestContext, Browser, BrowserContext } from "playwright-core";
import { launchBrowser, signUp, middayContext } from "./browser";
import { Rating } from "ts-fsrs";

const baseUrl = inject("baseUrl");
let browser: Browser;
let alice: BrowserContext;
let bob: BrowserContext;

type State = { card: { cardId: string; version: number } | null; lastLogId: string | null; today: { done: number } };

async function reviewState(req: APIRequestContext): Promise<State> {
  const res = await req.get(`${baseUrl}/api/review`);
  expect(res.status()).toBe(200);
  return (await res.json()).state as State;
}

// The parts of the state that data changes would alter (previews move with the clock).
async function stored(req: APIRequestContext) {
  const s = await reviewState(req);
  return { card: s.card && { cardId: s.card.cardId, version: s.card.version }, lastLogId: s.lastLogId, today: s.today };
}

beforeAll(async () => {
  browser = await launchBrowser();
  alice = await middayContext(browser);
  bob = await middayContext(browser);
  await signUp(await alice.newPage(), baseUrl);
  await signUp(await bob.newPage(), baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe("the review API", () => {
  it("never lets one user read, grade or undo another user's cards", async () => {
    const a = alice.request;
    const b = bob.request;
    const s0 = await reviewState(a);
    const card = s0.card!;
    const sessionId = randomUUID();
    const graded = await a.post(`${baseUrl}/api/review/grade`, {
      data: { cardId: card.cardId, rating: Rating.Good, version: card.version, clientId: randomUUID(), durationMs: 1200, sessionId },
    });
    expect(graded.status()).toBe(200);
    const aState = await reviewState(a);

    const steal = await b.post(`${baseUrl}/api/review/grade`, {
      data: { cardId: card.cardId, rating: Rating.Again, version: card.version + 1, clientId: randomUUID(), durationMs: 1 },
    });
    expect(steal.status()).toBe(404);
    expect((await steal.json()).error).toBe("No such card in your deck.");
    const undo = await b.post(`${baseUrl}/api/review/undo`, { data: { logId: aState.lastLogId, sessionId } });
    expect(undo.status()).toBe(404);
    const bState = await reviewState(b);
    expect(bState.card!.cardId).not.toBe(card.cardId);
    expect(bState.lastLogId).toBeNull();

    // Alice's card and history are untouched: her own undo still applies to her own review,
    // from the study session she made it in, and from no other (another tab or device).
    expect((await reviewState(a)).lastLogId).toBe(aState.lastLogId);
    const elsewhere = await a.post(`${baseUrl}/api/review/undo`, { data: { logId: aState.lastLogId, sessionId: randomUUID() } });
    expect(elsewhere.status()).toBe(409);
    expect((await elsewhere.json()).error).toMatch(/^That review was made in an earlier study session or on another device/);
    expect((await reviewState(a)).lastLogId).toBe(aState.lastLogId);
    const own = await a.post(`${baseUrl}/api/review/undo`, { data: { logId: aState.lastLogId, sessionId } });
    expect(own.status()).toBe(200);
  });

  it("refuses requests without a session with 401", async () => {
    const anon = await middayContext(browser);
    const res = await anon.request.post(`${baseUrl}/api/review/grade`, {
      data: { cardId: "x", rating: Rating.Good, version: 0, clientId: randomUUID(), durationMs: 1 },
    });
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: "Sign in first." });
    await anon.close();
  });

  it.each([
    ["not JSON", "this is not json", 400],
    ["a JSON array", "[1,2,3]", 400],
    ["an oversized body", JSON.stringify({ cardId: "a".repeat(20_000) }), 413],
    ["wrong types", JSON.stringify({ cardId: 5, rating: "good", version: "0", clientId: 1, durationMs: null }), 400],
    ["a missing field", JSON.stringify({ rating: Rating.Good }), 400],
  ])("answers %s with a clear 4xx, no stack trace, and no change", async (_, body, status) => {
    const before = await stored(alice.request);
    for (const path of ["/api/review/grade", "/api/review/undo"]) {
      const res = await alice.request.post(`${baseUrl}${path}`, { headers: { "content-type": "application/json" }, data: body });
      expect(res.status()).toBe(status);
      const json = await res.json();
      expect(json.ok).toBe(false);
      expect(json.error).toMatch(/^[A-Z].{5,200}$/);
      expect(JSON.stringify(json)).not.toMatch(/at \w+ \(|node_modules|prisma/i);
    }
    expect(await stored(alice.request)).toEqual(before);
  });
});
