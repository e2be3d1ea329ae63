import { sql, type RawBuilder } from "kysely";
import { State } from "ts-fsrs";
import { epochMs, greaterOf, type Db } from "../db";

// FSRS-6's forgetting curve R(t, S) = (1 + factor · t / S)^(−decay) as a query expression, with
// the user's own decay (w[20]) and ts-fsrs's elapsed time (whole days since the last review, as
// get_retrievability counts them). /progress averages it; /cards shows and sorts by it.
// lib/srs/scheduler.ts retrievability() is the per-card oracle in the tests.

export type ForgettingCurve = { decay: number; factor: number };

export function forgettingCurve(w: readonly number[]): ForgettingCurve {
  const decay = -w[20]!;
  const factor = Math.round((Math.exp(Math.log(0.9) / decay) - 1) * 1e8) / 1e8;
  return { decay, factor };
}

// The card `c`'s recall at `nowMs` (ms since 1970), NULL for new or never-reviewed cards. The
// curve and the time are bound values, so the SQL text is the same for every user and moment
// (and a query of lib/db/prepared.ts may pass its placeholders).
export type RecallAt = ForgettingCurve & { nowMs: number };

export const recallAt = (curve: ForgettingCurve, now: Date): RecallAt => ({ ...curve, nowMs: now.getTime() });

export function retrievabilityOf(db: Db, at: RecallAt): RawBuilder<number | null> {
  // The elapsed milliseconds, at least 0 (a review stamped after `nowMs` counts as none). The
  // column is parsed once per card: /cards sorts 10,000 cards by this (SQLite reads the date
  // from text, its largest cost in the sort).
  const elapsed = sql`${at.nowMs} - ${epochMs(db, "c.lastReview")}`;
  const atLeast0 = greaterOf(db, sql.lit(0), elapsed);
  return sql<
    number | null
  >`(CASE WHEN ${sql.ref("c.state")} = ${sql.lit(State.New)} OR ${sql.ref("c.lastReview")} IS NULL OR ${sql.ref("c.stability")} <= 0 THEN NULL
    ELSE power(1 + ${at.factor} * floor(${atLeast0} / 86400000) / ${sql.ref("c.stability")}, ${at.decay}) END)`;
}
