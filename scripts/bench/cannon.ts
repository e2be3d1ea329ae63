import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { Rating } from "ts-fsrs";
import type { PrismaClient } from "@prisma/client";
import { percentile } from "./stats";
import { combined, type LoadResult } from "./load-result";

// autocannon ships no type declarations; this is the slice of its programmatic API we use.
type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type RequestSpec = Req & {
  setupRequest?: (req: Req, context: Record<string, unknown>) => Req | null;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};
type Client = { setRequests(requests: RequestSpec[]): void };
type Options = {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  timeout?: number;
  method?: string;
  headers?: Record<string, string>;
  setupClient?: (client: Client) => void;
};
type Result = { errors: number; timeouts: number; non2xx: number; statusCodeStats: Record<string, { count: number }> };
type Instance = PromiseLike<Result> & {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, responseTimeMs: number) => void): void;
  stop(): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Options) => Instance;

// One signed-in user per connection, with its cards and each card's version as last seen.
export type Binding = { email: string; userId: string; cookie: string; cards: { id: string; version: number }[]; next: number; sent: number };

export async function loadBinding(db: PrismaClient, email: string, cookie: string): Promise<Binding> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const b: Binding = { email, userId: user.id, cookie, cards: [], next: 0, sent: 0 };
  await refreshVersions(db, [b]);
  return b;
}

// Straight from the database: a grade cut off when a run stopped may still have landed.
export async function refreshVersions(db: PrismaClient, bindings: Binding[]): Promise<void> {
  for (const b of bindings) {
    b.cards = await db.card.findMany({ where: { userId: b.userId }, orderBy: { catalogCard: { position: "asc" } }, select: { id: true, version: true } });
  }
}

// Mostly "Good", as real reviewing is.
const { Again, Hard, Good, Easy } = Rating;
const RATINGS = [Good, Good, Good, Again, Good, Good, Easy, Good, Hard, Good];

const gradeRequest = (b: Binding): RequestSpec => {
  let inflight: { id: string; version: number } | undefined;
  return {
    method: "POST",
    path: "/api/review/grade",
    headers: { "content-type": "application/json", cookie: b.cookie },
    setupRequest: (req) => {
      inflight = b.cards[b.next++ % b.cards.length]!;
      const rating = RATINGS[b.sent++ % RATINGS.length];
      const body = JSON.stringify({ cardId: inflight.id, version: inflight.version, rating, clientId: randomUUID(), durationMs: 1500 });
      return { ...req, body };
    },
    onResponse: (status) => {
      if (status === 200 && inflight) inflight.version++;
    },
  };
};

const pingRequest = (b: Binding): RequestSpec => ({ method: "GET", path: "/api/ping", headers: { cookie: b.cookie } });

// Runs `connections` connections for `duration` seconds, connection i bound to user i. The
// binding is made per connection in setupClient: autocannon resets a connection's `context`
// to initialContext after every pass over its request list (here: after every request), so
// state kept there would not survive from one request to the next.
export async function runLoad(opts: {
  url: string;
  route: "grade" | "ping";
  bindings: Binding[];
  duration: number;
  overallRate?: number;
  // Stops after this many requests instead (each answered, however long it takes).
  amount?: number;
}): Promise<LoadResult> {
  let assigned = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: opts.url,
    connections: opts.bindings.length,
    duration: opts.duration,
    timeout: 10,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    ...(opts.amount ? { amount: opts.amount } : {}),
    setupClient: (client) => {
      const b = opts.bindings[assigned++ % opts.bindings.length]!;
      client.setRequests([opts.route === "grade" ? gradeRequest(b) : pingRequest(b)]);
    },
  });
  instance.on("response", (_c, status, _bytes, t) => {
    latencies.push(t);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const t0 = performance.now();
  const r = await instance;
  const seconds = (performance.now() - t0) / 1000;
  const ok = Object.entries(statuses).reduce((n, [s, c]) => (s.startsWith("2") ? n + c : n), 0);
  return {
    reqPerSec: ok / seconds,
    ok,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    // autocannon's `errors` counts socket errors and timeouts; non2xx the refused answers.
    errors: r.errors + r.non2xx,
    statuses,
    latencies,
  };
}

// A steady arrival rate, spread evenly over each second. autocannon's rate limit lets every
// connection send its quota as soon as its one-second timer restarts, and all the connections'
// timers start together: 50 requests/s over 32 connections arrive as a burst of 32 at the top of
// every second, and the latency measured is the time the server takes to drain that burst, not
// the latency of a steady 50/s (measured: p50 84 ms at 2.6 ms of CPU a grade). Here each of n
// users has its own one-connection instance with an equal share of the rate, started 1/n s after
// the previous one, so one request arrives every 1/rate s or so.
export async function runPacedLoad(opts: { url: string; route: "grade" | "ping"; bindings: Binding[]; duration: number; rate: number }): Promise<LoadResult> {
  let n = Math.min(opts.bindings.length, opts.rate);
  while (opts.rate % n) n--;
  const parts = await Promise.all(
    opts.bindings.slice(0, n).map(async (b, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * 1000) / n));
      return runLoad({ url: opts.url, route: opts.route, bindings: [b], duration: opts.duration, overallRate: opts.rate / n });
    }),
  );
  return combined(parts, "together");
}
