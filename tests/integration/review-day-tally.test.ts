import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Rating, State, type Grade } from "ts-fsrs";
import { db } from "@/lib/db";
import { getReviewState, gradeAndNext, syncOfflineGrades, undoReview } from "@/lib/srs/review";
import { grade, makeUser, SESSION } from "./helpers";

// ReviewDayTally, the queue's "today" and daily limits, is kept by database triggers on
// ReviewLog (prisma/migrations/20261207180000_review_day_tally). Here, after each path that
// writes logs, it must equal the sums of the live logs themselves.

const MIN = 60_000;
const DAY = 86_400_000;

type Tally = { reviewDay: number; done: number; again: number; timeMs: number; introduced: number; reviewed: number };

async function fromLogs(userId: string): Promise<Tally[]> {
  const days = new Map<number, Tally>();
  for (const l of await db.reviewLog.findMany({ where: { userId, undoneAt: null } })) {
    const t = days.get(l.reviewDay) ?? { reviewDay: l.reviewDay, done: 0, again: 0, timeMs: 0, introduced: 0, reviewed: 0 };
    t.done++;
    t.again += l.rating === Rating.Again ? 1 : 0;
    t.timeMs += l.durationMs;
    t.introduced += l.state === State.New ? 1 : 0;
    t.reviewed += l.state === State.Review ? 1 : 0;
    days.set(l.reviewDay, t);
  }
  return [...days.values()].sort((a, b) => a.reviewDay - b.reviewDay);
}

// The stored tallies; a day whose every log was undone or deleted keeps a row of zeros.
async function stored(userId: string): Promise<Tally[]> {
  const rows = await db.reviewDayTally.findMany({ where: { userId }, orderBy: { reviewDay: "asc" } });
  return rows
    .map(({ reviewDay, done, again, timeMs, introduced, reviewed }) => ({ reviewDay, done, again, timeMs: Number(timeMs), introduced, reviewed }))
    .filter((t) => t.done !== 0 || t.timeMs !== 0);
}

describe("the review day tally", () => {
  it("equals the live logs' sums after grades, an undo, an offline grade put in its place and a card's deletion, and goes with the account", async () => {
    const u = await makeUser();
    const cards = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    expect(cards.length).toBeGreaterThan(3);
    const t0 = Date.now() + MIN;
    const gradeAt = async (cardId: string, rating: Grade, at: number, durationMs: number) => {
      const c = await db.card.findUniqueOrThrow({ where: { id: cardId } });
      return gradeAndNext(u.id, grade(cardId, c.version, rating, { durationMs }), new Date(at));
    };

    const ratings = [Rating.Again, Rating.Good, Rating.Hard, Rating.Easy] as const;
    let last = null as Awaited<ReturnType<typeof gradeAt>> | null;
    for (const [i, c] of cards.entries()) last = await gradeAt(c.id, ratings[i % 4]!, t0 + i * MIN, 1000 + i);
    expect(await stored(u.id)).toEqual(await fromLogs(u.id));
    const today = (await fromLogs(u.id))[0]!;
    expect(last!.state.today).toEqual({ done: today.done, again: today.again, timeMs: today.timeMs });

    await undoReview(u.id, { logId: last!.result.logId, sessionId: SESSION }, new Date(t0 + cards.length * MIN));
    expect(await stored(u.id)).toEqual(await fromLogs(u.id));
    expect((await getReviewState(u.id, new Date(t0 + cards.length * MIN))).today.done).toBe(cards.length - 1);

    // The next day, the first card graded again; then an offline grade made before it arrives and
    // is put in its place, which rewrites the later log's "before" state.
    const first = cards[0]!.id;
    await gradeAt(first, Rating.Good, t0 + DAY, 2000);
    const late = { clientId: randomUUID(), cardId: first, rating: Rating.Good as const, reviewedAt: t0 + DAY - 60 * MIN, durationMs: 3000 };
    const [r] = await syncOfflineGrades(u.id, [late], new Date(t0 + DAY + 5 * MIN));
    expect(r).toMatchObject({ status: "stored" });
    expect((await stored(u.id)).length).toBeGreaterThan(1);
    expect(await stored(u.id)).toEqual(await fromLogs(u.id));

    await db.card.delete({ where: { id: cards[1]!.id } });
    expect(await stored(u.id)).toEqual(await fromLogs(u.id));

    await db.user.delete({ where: { id: u.id } });
    expect(await db.reviewDayTally.count({ where: { userId: u.id } })).toBe(0);
  });
});
