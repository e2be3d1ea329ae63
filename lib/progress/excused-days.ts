import "server-only";
import { db } from "../db";

// Study days on which a missed review never breaks the streak: the days the learner checked in
// with a bad back (a flare, or pain of 7 out of 10 or more).
export async function excusedDaysOf(userId: string): Promise<number[]> {
  const rows = await db.backCheckIn.findMany({ where: { userId, badDay: true }, select: { studyDay: true } });
  return rows.map((r) => r.studyDay);
}
