import "server-only";
import { sql } from "kysely";
import { kdb } from "../db";

// Study days on which a missed review never breaks the streak, in one statement: the days the
// learner checked in with a bad back (a flare, or pain of 7 out of 10 or more), and the days of
// a break they set ("I'm away", lib/srs/away), up to today.
export async function excusedDaysOf(userId: string, today: number): Promise<number[]> {
  const rows = await kdb
    .selectFrom("BackCheckIn")
    .select(["studyDay as first", "studyDay as last"])
    .where("userId", "=", userId)
    .where("badDay", "=", sql.lit(true))
    .unionAll(
      kdb
        .selectFrom("AwayPeriod")
        .select(["startDay as first", "endDay as last"])
        .where("userId", "=", userId)
        .where("undoneAt", "is", null)
        .where("startDay", "<=", today),
    )
    .execute();
  const days: number[] = [];
  for (const r of rows) for (let d = Number(r.first); d <= Math.min(Number(r.last), today); d++) days.push(d);
  return days;
}
