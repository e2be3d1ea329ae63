import "server-only";
import { expressionBuilder } from "kysely";
import { kyselyOn, type DB } from "../../db";
import { prepared } from "../../db/prepared";
import type { SqlTx } from "../../db/sql";
import type { ReviewLogFields } from "../card-rows";

// The one INSERT of a review log row, for online grades (grade.ts) and for offline grades put in
// their place in the history (sync.ts). The fields come from reviewLogFields (lib/srs/card-rows.ts).
export type ReviewLogInsert = ReviewLogFields & {
  id: string;
  userId: string;
  cardId: string;
  clientId: string;
  // What the leech rule did with this grade (lib/srs/leech.ts), so that undo reverses it.
  leechChange: number;
  // The study session the grade was made in (online, or offline and sent later); null for grades
  // without one (imported, seeded, or queued by an older page), which no undo reaches.
  sessionId: string | null;
  // The load the even-days pick read (ReviewLog.balance, lib/srs/load-balance.ts windowToJson).
  balance?: string | null;
};

// Every field of ReviewLogInsert, each a column (the compiler checks both).
const FIELDS: { readonly [K in keyof ReviewLogInsert]: true } = {
  id: true,
  userId: true,
  cardId: true,
  clientId: true,
  rating: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  lastElapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  review: true,
  durationMs: true,
  reviewDay: true,
  prevDue: true,
  prevLastReview: true,
  prevElapsedDays: true,
  prevReps: true,
  prevLapses: true,
  prevVersion: true,
  nextState: true,
  nextDue: true,
  nextScheduledDays: true,
  nextStability: true,
  nextVersion: true,
  leechChange: true,
  sessionId: true,
  balance: true,
};
const COLUMNS = Object.keys(FIELDS) as (keyof ReviewLogInsert)[];

const insert = prepared((db, p: ReviewLogInsert) => db.insertInto("ReviewLog").values(Object.fromEntries(COLUMNS.map((c) => [c, p[c]])) as ReviewLogInsert));

export async function insertReviewLog(tx: SqlTx, r: ReviewLogInsert): Promise<number> {
  await insert(kyselyOn(tx), { ...r, balance: r.balance ?? null });
  return 1;
}

// The same insert inside another statement (grade.ts's one-statement write on PostgreSQL): its
// values named `l_<column>`, apart from the other statement's own, selected as a row of the
// other statement's WITH: one log per row it has (none when it has none).
export type LogParams = { [K in keyof ReviewLogInsert as `l_${K}`]-?: ReviewLogInsert[K] };
export const logParams = (r: ReviewLogInsert): LogParams =>
  Object.fromEntries(COLUMNS.map((c) => [`l_${c}`, c === "balance" ? (r.balance ?? null) : r[c]])) as LogParams;
// The log's values as a SELECT list, for `INSERT … SELECT` (columns LOG_COLUMNS).
export const LOG_COLUMNS = COLUMNS;
const values = expressionBuilder<DB, never>();
export const logValues = (p: LogParams) => COLUMNS.map((c) => values.val(p[`l_${c}`]).as(c));
