import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SelectQueryNode,
  SingleConnectionProvider,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type RawBuilder,
} from "kysely";
import type { DB } from "./row-types";
import { sqliteRows } from "./row";
import type { Query, Sql, SqlTx } from "./sql";

// Kysely on the drivers of lib/db/sql.ts: Kysely builds and types the query from the schema's
// generated tables (lib/db/row-types.ts) and compiles it; the one driver layer of sql.ts runs
// it, with its prepared statements, its statement count, the process's one SQLite writer lock
// and the group commit. Kysely's own transactions are not used: `transaction` below runs on
// the group commit and hands the function a Kysely bound to that transaction.

export type Engine = "sqlite" | "postgres";
export type Db = Kysely<DB>;
export type Typed = {
  readonly db: Db;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  // Kysely on a transaction of lib/db/sql.ts that is already open.
  on(tx: SqlTx): Db;
};

// A SELECT, a write with RETURNING, or raw SQL reading rows: the statement answers with rows.
function returnsRows(cq: CompiledQuery): boolean {
  const node = cq.query as { kind: string; returning?: unknown };
  if (SelectQueryNode.is(cq.query)) return true;
  if (node.kind === "RawNode") return /^\s*(SELECT|WITH|VALUES)\b/i.test(cq.sql);
  return node.returning !== undefined;
}

function connection(exec: SqlTx, engine: Engine, atomic?: (q: Query) => Promise<Record<string, unknown>[]>): DatabaseConnection {
  const mapRows = engine === "sqlite" ? sqliteRows : (rows: Record<string, unknown>[]) => rows;
  return {
    async executeQuery<R>(cq: CompiledQuery): Promise<QueryResult<R>> {
      const q: Query = { text: cq.sql, values: cq.parameters, numbered: engine === "postgres" };
      if (!returnsRows(cq)) return { rows: [], numAffectedRows: BigInt(await exec.run(q)) };
      // A write answering with rows, outside a transaction, still goes through the writer.
      const rows = atomic && !SelectQueryNode.is(cq.query) && cq.query.kind !== "RawNode" ? await atomic(q) : await exec.all(q);
      return { rows: mapRows(rows) as R[] };
    },
    streamQuery() {
      throw new Error("Streaming is not supported by lib/db");
    },
  };
}

class SqlDriver implements Driver {
  constructor(private readonly conn: DatabaseConnection) {}
  async init() {}
  async acquireConnection() {
    return this.conn;
  }
  async beginTransaction(): Promise<never> {
    throw new Error("Use transaction() of lib/db: transactions run on lib/db/sql.ts's group commit");
  }
  commitTransaction = this.beginTransaction;
  rollbackTransaction = this.beginTransaction;
  async releaseConnection() {}
  async destroy() {}
}

export function createTyped(sql: Sql, engine: Engine): Typed {
  const pgEngine = engine === "postgres";
  const direct = connection(sql, engine, (q) => sql.transaction((tx) => tx.all(q)));
  const driver = new SqlDriver(direct);
  const dialect: Dialect = {
    createAdapter: () => Object.assign(pgEngine ? new PostgresAdapter() : new SqliteAdapter(), { [ENGINE]: engine }),
    createDriver: () => driver,
    createQueryCompiler: () => (pgEngine ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    createIntrospector: (k) => (pgEngine ? new PostgresIntrospector(k) : new SqliteIntrospector(k)),
  };
  const db = new Kysely<DB>({ dialect });
  const executor = db.getExecutor();
  const on = (tx: SqlTx) =>
    new Kysely<DB>({ config: { dialect }, dialect, driver, executor: executor.withConnectionProvider(new SingleConnectionProvider(connection(tx, engine))) });
  return { db, on, transaction: (fn) => sql.transaction((tx) => fn(on(tx))) };
}

// The engine a Kysely built above runs on, from a tag on its adapter. Not `instanceof`: the
// process's one Kysely lives on globalThis (lib/db/index.ts), and `next build` may bundle this
// module, and Kysely with it, into several chunks, each with its own adapter classes.
const ENGINE = Symbol.for("unknot.db.engine");
export const engineOf = (db: Db): Engine => (db.getExecutor().adapter as { [ENGINE]?: Engine })[ENGINE] ?? "sqlite";

// A DateTime column as integer milliseconds since 1970 (exact, for day arithmetic). SQLite holds Prisma's text
// "2026-12-01T21:50:00.123+00:00": whole seconds from unixepoch, the milliseconds from the text.
export function epochMs(db: Db, column: string): RawBuilder<number> {
  const c = sql.ref(column);
  return engineOf(db) === "postgres"
    ? sql<number>`floor(extract(epoch FROM ${c}) * 1000)`
    : sql<number>`(unixepoch(${c}) * 1000 + CAST(substr(${c}, 21, 3) AS INTEGER))`;
}

// The greater of two numbers: PostgreSQL's greatest, SQLite's two-argument max.
export function greaterOf(db: Db, a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number> {
  return engineOf(db) === "postgres" ? sql<number>`greatest(${a}, ${b})` : sql<number>`max(${a}, ${b})`;
}

// The rows of `from` (a query selecting one column per value) folded into one JSON array of
// arrays, so that dozens of narrow rows come back as one value of one row: the drivers build
// an object per row of the outer query, and every row there carries all of its columns. An
// empty `from` gives an empty array. Read back with jsonRows.
export function jsonArrayAgg(db: Db, values: readonly RawBuilder<unknown>[]): RawBuilder<string> {
  const list = sql.join(values);
  return engineOf(db) === "postgres"
    ? sql<string>`coalesce(json_agg(json_build_array(${list})), '[]'::json)`
    : sql<string>`json_group_array(json_array(${list}))`;
}

// jsonArrayAgg's value as the driver hands it over: text from SQLite, parsed JSON from pg.
export const jsonRows = <T extends readonly unknown[]>(v: unknown): T[] => (typeof v === "string" ? JSON.parse(v) : v) as T[];
