import "server-only";
import { db } from "../db";
import { awayDaysOf } from "../srs/away";

// Study days on which a missed review never breaks the streak: the days the learner checked in
// with a bad back (a flare, or pain of 7 out of 10 or more), and the days of a break they set
// ("I'm away", lib/srs/away).
export async function excusedDaysOf(userId: string, today: number): Promise<number[]> {
  const [checkIns, away] = await Promise.all([
    db.backCheckIn.findMany({ where: { userId, badDay: true }, select: { studyDay: true } }),
    awayDaysOf(userId, 0, today),
  ]);
  return [...checkIns.map((r) => r.studyDay), ...away];
}
