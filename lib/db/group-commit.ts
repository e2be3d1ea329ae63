import type { Query, SqlTx } from "./sql";
import { statements } from "./statements";

// The writers of lib/db/sql.ts: transactions run together (group commit), and the one-statement
// write (Sql.write).

// `single`: a write of one statement (Sql.write), which may run without BEGIN and COMMIT.
type Pending = { fn: (tx: SqlTx) => Promise<unknown>; single: boolean; resolve: (v: unknown) => void; reject: (e: unknown) => void };

// Sql.write's function, held to the one statement it promises: a second is refused before it is
// sent (alone on PostgreSQL the first has already committed by then).
export const oneStatement =
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

// A connection a group of transactions runs on. `commit` answers false when the database
// ended the transaction as rolled back instead (PostgreSQL, after a statement in it failed).
export type TxConn = { tx: SqlTx; begin(): Promise<void>; commit(): Promise<boolean>; rollback(): Promise<void> };

// Group commit, on both engines. Transactions that arrive while the connections for writing
// are busy are run together: one BEGIN, each transaction's statements in turn, one COMMIT, and
// only then is each caller answered, so every acknowledged write is committed. Run in turn, they
// see each other's writes exactly as if they had committed one by one. If one of them fails,
// the whole group is rolled back (nothing was committed) and each is run again alone, so a
// failure (a stale card version, a repeated clientId) touches only its own request. Hence a
// transaction's function may run twice and must do nothing but its statements through `tx`,
// computing from what they return (grade and undo do).
// SQLite: with synchronous = FULL every COMMIT waits for an fsync of the WAL (milliseconds on a
// network disk), and better-sqlite3 waits on the one Node thread, so a commit
// per grade capped a process near 275 grades/s however cheap the rest was. One lane: the
// group holds the process's one writer lock throughout.
// PostgreSQL: every statement is a round trip, whose socket write and read cost the Node
// process more CPU than anything else a grade does (profiled); a group saves a BEGIN and a
// COMMIT per transaction. A few lanes, each on its own pooled connection, so that one long
// transaction (a whole deck rescheduled) does not hold up every grade. `autocommit`
// (PostgreSQL): a one-statement write (Sql.write) that runs alone is sent as it is and commits
// by itself: two round trips fewer of a lone grade's three. With others waiting, it joins
// their group.
// `pipelined` (PostgreSQL, whose driver sends a connection's queries without waiting for the
// answers to those before): a group of one-statement writes goes out whole, BEGIN and every
// statement at once, and COMMIT once they have answered: two round trips for the group instead
// of one per statement, each of which waited for a turn of the server's busy event loop.
// (Sending COMMIT with them as well, one round trip, gave fewer grades a second in the bench.)
// The statements still run one after another, each seeing those before it. If one fails in the
// database, the transaction is aborted, COMMIT ends it as rolled back, and each runs again
// alone, as above. A write whose function throws without a database error changed nothing
// (Sql.write's contract: it throws only when its statement failed or changed nothing, such as a
// stale version), so the others commit and it alone fails.
type GroupOptions = { lanes: number; gather: boolean; autocommit: boolean; pipelined: boolean };
export function groupCommit({ lanes, gather, autocommit, pipelined }: GroupOptions, withConn: (body: (c: TxConn) => Promise<void>) => Promise<void>) {
  const queue: Pending[] = [];
  let busy = 0;

  // COMMIT, failing when the database ended the transaction as rolled back instead.
  const commit = async (c: TxConn) => {
    statements.count++;
    if (!(await c.commit())) throw new Error("The transaction was rolled back: one of its statements failed.");
  };

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
      await commit(c);
      p.resolve(out);
    } catch (e) {
      await c.rollback();
      p.reject(e);
    }
  };

  const runAgainAlone = async (c: TxConn, group: Pending[]) => {
    await c.rollback();
    for (const p of group) await runAlone(c, p);
  };

  // Each transaction in turn, each statement sent once the one before has answered.
  const runInTurn = async (c: TxConn, group: Pending[]) => {
    const outs: unknown[] = [];
    try {
      statements.count++;
      await c.begin();
      for (const p of group) outs.push(await p.fn(c.tx));
      await commit(c);
    } catch {
      return runAgainAlone(c, group);
    }
    group.forEach((p, i) => p.resolve(outs[i]));
  };

  // One-statement writes sent at once, behind their BEGIN; COMMIT once all have answered.
  const runPipelined = async (c: TxConn, group: Pending[]) => {
    statements.count++;
    const [start, ...settled] = await Promise.allSettled([c.begin(), ...group.map((p) => p.fn(c.tx))]);
    try {
      if (start!.status === "rejected") throw start!.reason;
      await commit(c);
    } catch {
      return runAgainAlone(c, group);
    }
    settled.forEach((r, i) => (r.status === "fulfilled" ? group[i]!.resolve(r.value) : group[i]!.reject(r.reason)));
  };

  const runGroup = async (c: TxConn, group: Pending[]) => {
    if (group.length === 1) return runAlone(c, group[0]!);
    return pipelined && group.every((p) => p.single) ? runPipelined(c, group) : runInTurn(c, group);
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
