import { Mutex } from "async-mutex";
import { statements } from "./statements";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";

// The better-sqlite3 adapter runs everything on one connection and locks only transactions.
// A query sent outside a transaction while another request's interactive transaction is open
// runs inside that transaction: a write is lost if it rolls back, and a read sees rows that
// were never committed. This wrapper makes every write, in a transaction or not, take one
// lock on the writing connection, and sends plain reads to a second connection, which in WAL
// mode sees only committed data and never waits for a writer.
export class SerializedSqliteFactory implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;

  constructor(config: ConstructorParameters<typeof PrismaBetterSQLite3>[0]) {
    this.#inner = new PrismaBetterSQLite3(config);
    this.adapterName = this.#inner.adapterName;
  }

  // Prisma connects at its first query, so nothing opens the file before then (`next build`
  // imports lib/db while it collects page data). WAL is a property of the file, set when the
  // database is prepared; synchronous is per connection, and FULL makes every acknowledged
  // commit survive a power loss, not only a crash.
  async connect(): Promise<SqlDriverAdapter> {
    const [writer, reader] = await Promise.all([this.#inner.connect(), this.#inner.connect()]);
    const full = { sql: "PRAGMA synchronous = FULL", args: [], argTypes: [] };
    await Promise.all([writer.executeRaw(full), reader.executeRaw(full)]);
    return new SerializedSqliteAdapter(writer, reader);
  }
}

const READ_ONLY = /^\s*SELECT\b/i;

// One writer lock per process, shared by every Prisma client and by lib/db/sql.ts: SQLite
// has one writer per file, and in-process writers queue here rather than in the busy timeout.
// Kept on globalThis: `next build` copies this module into several server chunks, and a
// module-level lock would be one per chunk, so Prisma's transactions and the hot path's group
// commit could hold different locks and meet in SQLite's busy timeout instead.
const globalForLock = globalThis as unknown as { unknotSqliteWriteLock?: Mutex };
export const sqliteWriteLock: Mutex = (globalForLock.unknotSqliteWriteLock ??= new Mutex());

// How long a writer may wait for another process's write lock (SQLite's busy timeout), in ms.
// Writers in one process queue on the lock above; across processes they wait here. It is the
// documented bound on a write's wait, so it must not be shorter than the longest write any
// process holds (an account import writes in short chunks, see lib/portability/import.ts).
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

class SerializedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #lock = sqliteWriteLock;

  constructor(
    private readonly writer: SqlDriverAdapter,
    private readonly reader: SqlDriverAdapter,
  ) {
    this.adapterName = writer.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    statements.count++;
    if (READ_ONLY.test(query.sql)) return this.reader.queryRaw(query);
    return this.#lock.runExclusive(() => this.writer.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    statements.count++;
    return this.#lock.runExclusive(() => this.writer.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#lock.runExclusive(() => this.writer.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    statements.count++; // BEGIN
    try {
      return releasing(await this.writer.startTransaction(isolationLevel), release);
    } catch (e) {
      release();
      throw e;
    }
  }

  getConnectionInfo() {
    return this.writer.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  async dispose(): Promise<void> {
    await Promise.all([this.writer.dispose(), this.reader.dispose()]);
  }
}

// The transaction keeps the lock until Prisma commits or rolls it back.
function releasing(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const once = () => {
    if (!released) release();
    released = true;
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q) => (statements.count++, tx.queryRaw(q)),
    executeRaw: (q) => (statements.count++, tx.executeRaw(q)),
    commit: () => tx.commit().finally(once),
    rollback: () => tx.rollback().finally(once),
  };
}
