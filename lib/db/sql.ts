import Database from "better-sqlite3";
import type pg from "pg";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "./url";
import { SQLITE_BUSY_TIMEOUT_MS, sqliteWriteLock } from "./sqlite-adapter";
import { statements } from "./statements";
import { createPgPool } from "./pg-pool";

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
  // at a stale version), since alone the statement commits as soon as it has run.
  // PostgreSQL: run alone, the statement is sent without BEGIN and COMMIT (it commits by
  // itself): one round trip instead of three. When others are waiting, it joins their group
  // commit like any transaction. SQLite: a transaction of the group commit, as before.
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
    commit: async () => void commit.run(),
    rollback: async () => void (writer.inTransaction && rollback.run()),
  };
  const commits = groupCommit({ lanes: 1, gather: true, autocommit: false }, (body) => sqliteWriteLock.runExclusive(() => body(conn)));
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

// `single`: a write of one statement (Sql.write), which may run without BEGIN and COMMIT.
type Pending = { fn: (tx: SqlTx) => Promise<unknown>; single: boolean; resolve: (v: unknown) => void; reject: (e: unknown) => void };

// Sql.write's function, held to the one statement it promises: a second is refused before it is
// sent (alone on PostgreSQL the first has already committed by then).
const oneStatement =
  <T>(fn: (tx: SqlTx) => Promise<T>) =>
  (tx: SqlTx): Promise<T> => {
    let sent = false;
    const once =
      <R>(send: (q: Query) => Promise<R>) =>
      (q: Query): Promise<R> => {
        if (sent) return Promise.reject(new Error("Sql.write sends one statement; use transaction for more"));
        sent = true;
        return send(q);
      };
    return fn({ all: once(tx.all), run: once(tx.run) });
  };

// A connection a group of transactions runs on.
type TxConn = { tx: SqlTx; begin(): Promise<void>; commit(): Promise<void>; rollback(): Promise<void> };

// Group commit, on both engines. Transactions that arrive while the connections for writing
// are busy are run together: one BEGIN, each transaction's statements in turn, one COMMIT, and
// only then is each caller answered, so every acknowledged write is committed. Run in turn, they
// see each other's writes exactly as if they had committed one by one. If one of them fails,
// the whole group is rolled back (nothing was committed) and each is run again alone, so a
// failure (a stale card version, a repeated clientId) touches only its own request. Hence a
// transaction's function may run twice and must do nothing but its statements through `tx`,
// computing from what they return (grade and undo do).
// SQLite: with synchronous = FULL every COMMIT waits for an fsync of the WAL (about 3.6 ms on
// this machine's disk, measured), and better-sqlite3 waits on the one Node thread, so a commit
// per grade capped a process near 275 grades/s however cheap the rest was. One lane: the
// group holds the process's one writer lock throughout.
// PostgreSQL: every statement is a round trip, whose socket write and read cost the Node
// process more CPU than anything else a grade does (profiled); a group saves a BEGIN and a
// COMMIT per transaction. A few lanes, each on its own pooled connection, so that one long
// transaction (a whole deck rescheduled) does not hold up every grade. `autocommit`
// (PostgreSQL): a one-statement write (Sql.write) that runs alone is sent as it is and commits
// by itself: two round trips fewer of a lone grade's three. With others waiting, it joins
// their group.
type GroupOptions = { lanes: number; gather: boolean; autocommit: boolean };
function groupCommit({ lanes, gather, autocommit }: GroupOptions, withConn: (body: (c: TxConn) => Promise<void>) => Promise<void>) {
  const queue: Pending[] = [];
  let busy = 0;

  const runAlone = async (c: TxConn, p: Pending) => {
    if (p.single && autocommit) {
      // Its one statement commits or fails by itself: nothing to roll back.
      try {
        p.resolve(await p.fn(c.tx));
      } catch (e) {
        p.reject(e);
      }
      return;
    }
    try {
      statements.count++;
      await c.begin();
      const out = await p.fn(c.tx);
      statements.count++;
      await c.commit();
      p.resolve(out);
    } catch (e) {
      await c.rollback();
      p.reject(e);
    }
  };

  const runGroup = async (c: TxConn, group: Pending[]) => {
    if (group.length === 1) return runAlone(c, group[0]!);
    const outs: unknown[] = [];
    try {
      statements.count++;
      await c.begin();
      for (const p of group) outs.push(await p.fn(c.tx));
      statements.count++;
      await c.commit();
    } catch {
      await c.rollback();
      for (const p of group) await runAlone(c, p);
      return;
    }
    group.forEach((p, i) => p.resolve(outs[i]));
  };

  let scheduled = false;
  const next = () => {
    scheduled = false;
    while (busy < lanes && queue.length) {
      const group = queue.splice(0, queue.length);
      busy++;
      withConn((c) => runGroup(c, group))
        .catch((e: unknown) => group.forEach((p) => p.reject(e)))
        .finally(() => {
          busy--;
          start();
        });
    }
  };
  // `gather` (SQLite): a group starts once the event loop has run what is ready now
  // (setImmediate), so that the transactions of every request read from the sockets in this
  // turn join it. Without the wait each transaction was a group of its own (the driver answers
  // on the Node thread, so nothing else arrived meanwhile): a BEGIN, a COMMIT and a blocking
  // fsync per grade. Not on PostgreSQL, whose round trips already gather the next group, and
  // where a long transaction must not take the grades that arrived with it into its group.
  const start = () => {
    if (!gather) return next();
    if (scheduled) return;
    scheduled = true;
    setImmediate(next);
  };

  return {
    submit<T>(fn: (tx: SqlTx) => Promise<T>, single: boolean): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, single, resolve: resolve as (v: unknown) => void, reject });
        start();
      });
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
  const commits = groupCommit({ lanes: PG_WRITE_LANES, gather: false, autocommit: true }, async (body) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await body({
        tx: on(client),
        begin: async () => void (await client.query("BEGIN")),
        commit: async () => void (await client.query("COMMIT")),
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
