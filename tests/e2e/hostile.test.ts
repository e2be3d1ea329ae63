import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { createPrismaClient } from "@/lib/db/client";
import { launchBrowser, signUp, middayContext } from "./browser";
import { ROOT } from "../../scripts/shared/server";
import { SUITE_DB_URL } from "./suite";
import { Rating } from "ts-fsrs";

const baseUrl = inject("baseUrl");
const db = createPrismaClient(SUITE_DB_URL);

// Every route handler under app/api with the methods it exports, found from the files, so a
// new route is covered without editing this test.
function routes(): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f === "route.ts") {
        const src = readFileSync(p, "utf8");
        const methods = [...src.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        out.push({ path: "/" + path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/"), methods });
      }
    }
  };
  walk(path.join(ROOT, "app/api"));
  return out.filter((r) => !r.path.startsWith("/api/auth"));
}

const BODIES: [string, string][] = [
  ["not JSON", "{{{ nope"],
  ["a JSON array", "[1,2,3]"],
  ["null", "null"],
  ["a bare string", '"grade me"'],
  ["an operator injection", JSON.stringify({ cardId: { $ne: null }, jobId: { in: ["*"] }, logId: ["a", "b"] })],
  ["wrong types", JSON.stringify({ cardId: 1, rating: "4", version: "0", clientId: [], durationMs: {}, jobId: 7 })],
  ["an oversized body", JSON.stringify({ cardId: "x".repeat(40_000) })],
];

let browser: Browser;
let alice: BrowserContext;
let aliceId: string;

async function snapshot() {
  const [logs, cards, jobs, sets, user] = await Promise.all([
    db.reviewLog.findMany({ where: { userId: aliceId }, orderBy: { id: "asc" } }),
    db.card.findMany({ where: { userId: aliceId }, orderBy: { id: "asc" } }),
    db.optimizeJob.findMany({ where: { userId: aliceId }, orderBy: { id: "asc" } }),
    db.parameterSet.findMany({ where: { userId: aliceId }, orderBy: { id: "asc" } }),
    db.user.findUniqueOrThrow({ where: { id: aliceId } }),
  ]);
  return { logs, cards, jobs, sets, user };
}

beforeAll(async () => {
  browser = await launchBrowser();
  alice = await middayContext(browser);
  const email = await signUp(await alice.newPage(), baseUrl);
  aliceId = (await db.user.findUniqueOrThrow({ where: { email } })).id;
  const state = (await (await alice.request.get(`${baseUrl}/api/review`)).json()).state;
  await alice.request.post(`${baseUrl}/api/review/grade`, {
    data: { cardId: state.card.cardId, rating: Rating.Good, version: state.card.version, clientId: randomUUID(), durationMs: 900 },
  });
});
afterAll(async () => {
  await browser?.close();
  await db.$disconnect();
});

describe("hostile input to every route", () => {
  it("finds the routes to attack", () => {
    const paths = routes().map((r) => r.path);
    expect(paths).toContain("/api/review/grade");
    expect(paths.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses every route without a session with 401", async () => {
    const anon = await middayContext(browser);
    for (const r of routes()) {
      // The session-end route serves guests: it redirects (security.test.ts). A calendar feed is
      // read by a calendar app, without a session: its secret URL is the key (an unknown one is a
      // 404, tests/integration/reminders.test.ts).
      if (r.path === "/api/ping" || r.path === "/api/session/end" || r.path.startsWith("/api/calendar/")) continue;
      for (const m of r.methods) {
        const res = await anon.request.fetch(`${baseUrl}${r.path}`, {
          method: m,
          data: m === "GET" ? undefined : "{}",
          headers: { "content-type": "application/json" },
        });
        expect(res.status(), `${m} ${r.path}`).toBe(401);
      }
    }
    await anon.close();
  });

  it("answers malformed and oversized bodies with clear 4xx errors, never a 500, and changes nothing", async () => {
    const before = await snapshot();
    for (const r of routes()) {
      for (const m of r.methods.filter((x) => x !== "GET")) {
        for (const [what, body] of BODIES) {
          const res = await alice.request.fetch(`${baseUrl}${r.path}`, { method: m, data: body, headers: { "content-type": "application/json" } });
          const label = `${m} ${r.path} with ${what}`;
          expect(res.status(), label).toBeGreaterThanOrEqual(400);
          expect(res.status(), label).toBeLessThan(500);
          const json = await res.json();
          expect(json.ok, label).toBe(false);
          expect(typeof json.error, label).toBe("string");
          expect(JSON.stringify(json), label).not.toMatch(/\n\s+at |node_modules|Prisma|Invalid `/);
        }
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers hostile query strings on GET routes without a 500", async () => {
    for (const r of routes()) {
      if (!r.methods.includes("GET")) continue;
      for (const q of ["?job=' OR 1=1 --", `?job=${"z".repeat(5000)}`, "?job[$ne]=1", "?%E0%A4%A=1"]) {
        const res = await alice.request.get(`${baseUrl}${r.path}${q}`);
        expect(res.status(), `GET ${r.path}${q.slice(0, 20)}`).toBeLessThan(500);
      }
    }
  });

  it("answers a forged server-action call on each page without a 500", async () => {
    for (const page of ["/settings", "/sign-up", "/account", "/review"]) {
      const res = await alice.request.post(`${baseUrl}${page}`, {
        headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
        data: '["$K1", {"email": 5}]',
      });
      expect(res.status(), page).toBeLessThan(500);
    }
  });
});
