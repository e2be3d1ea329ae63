import Database from "better-sqlite3";
import type pg from "pg";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "./url";
import { SQLITE_BUSY_TIMEOUT_MS, sqliteWriteLock } from "./sqlite-adapter";
import { statements } from "./statements";
import { createPgPool } from "./pg-pool";
import { groupCommit, oneStatement, type TxConn } from "./group-commit";

// The hot path's data access: plain SQL, written once for both engines, run by the drivers
// directly. A Prisma 6.19 model query costs 0.75-1 ms of CPU here; a prepared better-sqlite3
// statement about 0.007 ms and a pg query a few tens of µs. Prisma stays the tool for the
// schema, migrations and general CRUD; the requests made many times a minute (session check,
// review queue, grade, undo, /progress aggregates) use this.
//
// Queries are tagged templates: sql`SELECT … WHERE "userId" = ${id}` binds every value (never
// interpolated), so SQL text is constant per call site and its prepared statement is reused.
// Rows come back as plain objects; lib/db/row.ts turns driver values (ISO text or Date,
// bigint strings, 0/1) into typed fields, so nothing outside lib/db knows the engine.

// `numbered`: the text already has PostgreSQL's $1, $2 … (Kysely's compiled queries).
export type Query = { readonly text: string; readonly values: readonly unknown[]; readonly numbered?: boolean };
export type Row = Record<string, unknown>;

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Query {
  return { text: strings.join("?"), values };
}

export interface SqlTx {
  all(q: Query): Promise<Row[]>;
  run(q: Query): Promise<number>;
}

export interface Sql extends SqlTx {
  get(q: Query): Promise<Row | undefined>;
  // Runs fn's statements atomically. On SQLite under the process's one writer lock (the one
  // Prisma's transactions take), as BEGIN IMMEDIATE … COMMIT on a writing connection.
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  // A write that is one statement, atomic by itself (a data-modifying WITH makes several
  // changes one statement on PostgreSQL), with the guarantees of `transaction`: an answered
  // write is committed; a failing one fails only itself. fn sends that one statement through
  // `tx` (a second is refused) and computes from what it returns; it may run twice, and it
  // throws only when its statement failed or changed nothing (e.g. an update of 0 rows, found
  // at a stale version), since alone the statement commits as soon as it has run, and in a
  // group sent whole the others commit with it.
  // PostgreSQL: run alone, the statement is sent without BEGIN and COMMIT (it commits by
  // itself): one round trip instead of three. When others are waiting, it joins their group,
  // which is sent whole (lib/db/group-commit.ts). SQLite: a transaction of the group commit.
  write<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Values as each driver stores them the way Prisma does: SQLite keeps DateTime as ISO text
// with "+00:00" (so text comparison orders instants), PostgreSQL as timestamp(3) in UTC.
const sqliteValue = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v);
const pgValue = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

function sqliteSql(file: string): Sql {
  // The reader sees only committed data in WAL mode and never waits for the writer; FULL
  // makes each commit survive a power loss, as on Prisma's connections.
  const open = () => {
    const d = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    d.pragma("synchronous = FULL");
    return d;
  };
  const writer = open();
  const reader = open();
  // Each connection's statements, keyed by the SQL text itself: a compiled query's text is the
  // same string every call, whose hash V8 keeps, so a look-up costs nothing like hashing the
  // text (the review queue's is 9 kB).
  const statementsOf = (conn: Database.Database) => {
    const cache = new Map<string, Database.Statement>();
    return (text: string) => {
      let s = cache.get(text);
      if (!s) {
        s = conn.prepare(text);
        cache.set(text, s);
      }
      return s;
    };
  };
  const onReader = statementsOf(reader);
  const onWriter = statementsOf(writer);
  const allOn =
    (prep: (text: string) => Database.Statement) =>
    (q: Query): Row[] => {
      statements.count++;
      return prep(q.text).all(...q.values.map(sqliteValue)) as Row[];
    };
  const runOn = (q: Query): number => {
    statements.count++;
    return onWriter(q.text).run(...q.values.map(sqliteValue)).changes;
  };
  const readAll = allOn(onReader);
  const writeAll = allOn(onWriter);
  const tx: SqlTx = { all: async (q) => writeAll(q), run: async (q) => runOn(q) };
  const begin = writer.prepare("BEGIN IMMEDIATE");
  const commit = writer.prepare("COMMIT");
  const rollback = writer.prepare("ROLLBACK");
  const conn: TxConn = {
    tx,
    begin: async () => void begin.run(),
    commit: async () => (commit.run(), true),
    rollback: async () => void (writer.inTransaction && rollback.run()),
  };
  const commits = groupCommit({ lanes: 1, gather: true, autocommit: false, pipelined: false }, (body) => sqliteWriteLock.runExclusive(() => body(conn)));
  return {
    all: async (q) => readAll(q),
    get: async (q) => readAll(q)[0],
    run: (q) => sqliteWriteLock.runExclusive(() => runOn(q)),
    transaction: (fn) => commits.submit(fn, false),
    write: (fn) => commits.submit(oneStatement(fn), true),
    close: async () => {
      writer.close();
      reader.close();
    },
  };
}

// Groups of transactions in flight at once on PostgreSQL, each on its own connection.
const PG_WRITE_LANES = 2;

// Kept on the pool itself (a registered symbol), not in a module-level map: `next build` may copy
// this module into several server chunks.
type Names = Map<string, { name: string; text: string }>;
const NAMES = Symbol.for("unknot.statementNames");
const statementNames = (pool: pg.Pool): Names => ((pool as pg.Pool & { [NAMES]?: Names })[NAMES] ??= new Map());

// `pool` is the process's shared pool (lib/db/pg-pool.ts) or one of this instance's own, which
// `close` ends.
function postgresSql(pool: pg.Pool, owned: boolean): Sql {
  // "?" placeholders become $1, $2 … once per SQL text, and each text gets a statement name:
  // pg then parses and plans it once per connection instead of on every call. Names belong to
  // the pool, whose connections keep their statements after this instance is closed.
  const prepared = statementNames(pool);
  const config = (q: Query) => {
    let p = prepared.get(q.text);
    if (p === undefined) {
      let i = 0;
      p = { name: `unknot_${prepared.size}`, text: q.numbered ? q.text : q.text.replace(/\?/g, () => `$${++i}`) };
      prepared.set(q.text, p);
    }
    return { ...p, values: q.values.map(pgValue) as unknown[] };
  };
  const on = (c: pg.Pool | pg.PoolClient): SqlTx => ({
    all: async (q) => {
      statements.count++;
      return (await c.query(config(q))).rows as Row[];
    },
    run: async (q) => {
      statements.count++;
      return (await c.query(config(q))).rowCount ?? 0;
    },
  });
  const direct = on(pool);
  const commits = groupCommit({ lanes: PG_WRITE_LANES, gather: false, autocommit: true, pipelined: true }, async (body) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await body({
        tx: on(client),
        begin: async () => void (await client.query("BEGIN")),
        // A transaction a failed statement aborted ends as ROLLBACK, without an error.
        commit: async () => (await client.query("COMMIT")).command === "COMMIT",
        rollback: () =>
          client.query("ROLLBACK").then(
            () => undefined,
            (e: Error) => void (broken = e),
          ),
      });
    } finally {
      // A connection that could not roll back is closed rather than reused.
      client.release(broken);
    }
  });
  return {
    ...direct,
    get: async (q) => (await direct.all(q))[0],
    transaction: (fn) => commits.submit(fn, false),
    write: (fn) => commits.submit(oneStatement(fn), true),
    close: async () => {
      if (owned) await pool.end();
    },
  };
}

// `pool`: PostgreSQL connections to share (the process's one pool); without it, this instance
// opens its own `poolSize`.
export function createSql(url = databaseUrl(), poolSize = 10, pool?: pg.Pool): Sql {
  if (!isPostgresUrl(url)) return sqliteSql(sqliteFilePath(url));
  return postgresSql(pool ?? createPgPool(url, poolSize), !pool);
}

// A unique-constraint failure from either driver.
export function isUniqueSqlError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
