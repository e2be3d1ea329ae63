import pg from "pg";

// The PostgreSQL connections of a process: one pool, which Prisma Client's adapter and the
// driver layer Kysely runs on (lib/db/sql.ts) share, so that a server holds at most
// DATABASE_POOL_SIZE connections.

// timestamp(3) without zone holds UTC (as Prisma writes it); pg would read it as local time.
// One parser function for every column (pg asks for a column's parser on each result).
// Prisma's adapter passes parsers of its own with each query, so this touches only lib/db/sql.ts.
const utcTimestamp = (s: string) => new Date(s.replace(" ", "T") + "Z");
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 1114 ? utcTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

// Every statement is planned once per connection, for any values (options in DATABASE_URL take
// precedence). In its default mode the server planned the review queue's statement again on
// every grade, for that grade's values (docs/deployment.md#postgresql-performance).
const PG_CONNECTION_OPTIONS = "-c plan_cache_mode=force_generic_plan";

// Pooled connections stay open while the process runs (pg closes them after 10 s idle by
// default), and with them their prepared statements and plans: a quiet server's next /review
// took 180 ms instead of 35 ms, opening connections and planning every statement again. Idle
// connections do not keep a script's process alive.
const PG_IDLE = { idleTimeoutMillis: 0, allowExitOnIdle: true } as const;

// A connection's queries go out without waiting for the answers to those before it
// (pipelining): the group commit sends a group's statements at once (lib/db/group-commit.ts).
// Each query still has its own Sync, so one that fails fails alone, as before.
export function createPgPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes, options: PG_CONNECTION_OPTIONS, pipeline: true, ...PG_IDLE });
  // A connection can end while it waits in the pool (the database restarted or failed over, a
  // proxy closed it for being idle). The pool has already dropped it, and the next query opens
  // another; unheard, the pool's report of it would end the process.
  pool.on("error", (e) => console.error("PostgreSQL: an idle pooled connection ended and was dropped:", e.message));
  return pool;
}
