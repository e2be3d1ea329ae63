import type { CompiledQuery, Compilable, QueryResult } from "kysely";
import type { Db } from "./kysely";

// A hot-path query compiled once per engine and run with named values. `build` receives
// placeholders in place of the values (typed as the values, so the query is checked as
// usual) and must only hand them to Kysely as values (`where(col, "=", p.userId)`,
// `limit(p.n)`), never read them. Compiling a large query costs Kysely far more than
// better-sqlite3 takes to run it; this way a call costs one array map. Answers Kysely's
// result: `rows`, and for a write `numAffectedRows`.
const PLACEHOLDER = Symbol("placeholder");
type Placeholder = { readonly [PLACEHOLDER]: string };

const isPlaceholder = (v: unknown): v is Placeholder => typeof v === "object" && v !== null && PLACEHOLDER in v;

export function prepared<P extends Record<string, unknown>, R>(build: (db: Db, p: P) => Compilable<R>) {
  // Keyed by the engine's adapter: one per Kysely built by lib/db/kysely.ts, shared by its
  // transactions.
  const compiled = new WeakMap<object, CompiledQuery<R>>();
  return async (db: Db, values: P): Promise<QueryResult<R>> => {
    const key = db.getExecutor().adapter;
    let cq = compiled.get(key);
    if (!cq) {
      const slots = new Proxy({} as P, { get: (_, name) => ({ [PLACEHOLDER]: String(name) }) });
      cq = build(db, slots).compile();
      compiled.set(key, cq);
    }
    const parameters = cq.parameters.map((v) => (isPlaceholder(v) ? values[v[PLACEHOLDER]] : v));
    return db.executeQuery<R>({ ...cq, parameters });
  };
}
