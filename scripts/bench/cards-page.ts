import { timePage, type PageTiming } from "./pages";
import { ms, verdict, type Row } from "./stats";

// /cards for the heavy user (10,000 cards): server time of three views, each one SQL
// statement: the default (by due date), the costliest sort (recall now, computed in SQL for
// every card), and a text search. Target p95 < 150 ms, as for the other pages.

export const CARDS_VIEWS = [
  { name: "/cards", path: "/cards" },
  { name: "/cards sorted by recall", path: "/cards?sort=retrievability" },
  { name: "/cards search", path: "/cards?q=card+12" },
] as const;

export type CardsTiming = { name: string; timing: PageTiming }[];

export async function benchCardsPage(base: string, cookie: string): Promise<CardsTiming> {
  const out: CardsTiming = [];
  for (const v of CARDS_VIEWS) out.push({ name: v.name, timing: await timePage(base + v.path, cookie) });
  return out;
}

const p95 = (t: PageTiming) => ("unavailable" in t ? NaN : t.p95);

export function cardsRows(r: CardsTiming): Row[] {
  return r.map(({ name, timing: t }) =>
    "unavailable" in t
      ? { metric: `3. GET ${name} p50 / p95 (heavy user)`, measured: `not available (HTTP ${t.status})`, target: "p95 < 150 ms", result: "n/a" }
      : { metric: `3. GET ${name} p50 / p95 (heavy user)`, measured: `${ms(t.p50)} / ${ms(t.p95)}`, target: "p95 < 150 ms", result: verdict(t.p95 < 150) },
  );
}

export function cardsResults(engine: string, r: CardsTiming) {
  return r.map(({ name, timing }) => ({ measure: `${engine}: ${name} p95 heavy user`, value: p95(timing), unit: "ms", target: "< 150", pass: p95(timing) < 150 }));
}
