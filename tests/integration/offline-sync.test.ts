import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { gradeReview, syncOfflineGrades, undoReview } from "@/lib/srs/review";
import { replayedCard } from "../replay-oracle";
import { grade, makeUser } from "./helpers";
import { State, Rating, type Grade } from "ts-fsrs";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const offline = (cardId: string, rating: Grade, reviewedAt: Date, durationMs = 3000) => ({
  clientId: randomUUID(),
  cardId,
  rating,
  reviewedAt: reviewedAt.getTime(),
  durationMs,
});

async function deckOf(userId: string) {
  return db.card.findMany({ where: { userId }, orderBy: { catalogCard: { position: "asc" } } });
}

afterEach(() => {
  delete process.env.UNKNOT_OFFLINE_MAX_AGE_DAYS;
});

describe("sending grades made offline", () => {
  it("stores each grade at its own review time, in order, and leaves every card as a replay of its history", async () => {
    const u = await makeUser();
    const [a, b] = await deckOf(u.id);
    const t0 = new Date(Date.now() + HOUR);
    const grades = [
      offline(a!.id, Rating.Good, t0),
      offline(b!.id, Rating.Again, new Date(t0.getTime() + MIN)),
      offline(a!.id, Rating.Good, new Date(t0.getTime() + 11 * MIN)),
      offline(b!.id, Rating.Good, new Date(t0.getTime() + 12 * MIN)),
    ];
    const results = await syncOfflineGrades(u.id, grades, new Date(t0.getTime() + HOUR));
    expect(results.map((r) => r.status)).toEqual(["stored", "stored", "stored", "stored"]);
    const logs = await db.reviewLog.findMany({ where: { userId: u.id }, orderBy: { review: "asc" } });
    expect(logs.map((l) => [l.clientId, l.review.getTime(), l.rating])).toEqual(grades.map((g) => [g.clientId, g.reviewedAt, g.rating]));
    for (const c of [a!, b!]) {
      const { stored, replayed } = await replayedCard(db, u.id, c.id);
      expect(stored).toEqual(replayed);
    }
    // Graded Good twice ten minutes apart, a new card graduates from learning.
    expect((await db.card.findUniqueOrThrow({ where: { id: a!.id } })).state).toBe(State.Review);
  });

  it("answers grades sent again, one after the other or at once, with the first result and stores them once", async () => {
    const u = await makeUser();
    const [a, b] = await deckOf(u.id);
    const t0 = new Date(Date.now() + HOUR);
    const grades = [offline(a!.id, Rating.Good, t0), offline(b!.id, Rating.Easy, new Date(t0.getTime() + MIN))];
    const now = new Date(t0.getTime() + HOUR);
    const [x, y] = await Promise.all([syncOfflineGrades(u.id, grades, now), syncOfflineGrades(u.id, grades, now)]);
    const again = await syncOfflineGrades(u.id, grades, now);
    expect(again.map((r) => r.status)).toEqual(["repeat", "repeat"]);
    for (const r of [x!, y!]) expect(r.every((o) => o.status === "stored" || o.status === "repeat")).toBe(true);
    expect(new Set([...x!, ...y!, ...again].map((r) => r.logId)).size).toBe(2);
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(2);
    expect((await db.card.findUniqueOrThrow({ where: { id: a!.id } })).reps).toBe(1);
  });

  it("puts a review made offline before one made meanwhile on another device in its place: both kept, state by replay", async () => {
    const u = await makeUser();
    const [a] = await deckOf(u.id);
    const t1 = new Date(Date.now() + HOUR);
    const t2 = new Date(t1.getTime() + 20 * MIN);
    // Another device grades the card online at t2.
    const sessionId = randomUUID();
    const online = await gradeReview(u.id, { ...grade(a!.id, a!.version, Rating.Good), sessionId }, t2);
    // This device graded it Again at t1, offline, and sends it afterwards.
    const late = offline(a!.id, Rating.Again, t1);
    const [r] = await syncOfflineGrades(u.id, [late], new Date(t2.getTime() + HOUR));
    expect(r!.status).toBe("stored");
    const { stored, replayed, logs } = await replayedCard(db, u.id, a!.id);
    expect(logs.map((l) => [l.rating, l.review.getTime()])).toEqual([
      [1, t1.getTime()],
      [3, t2.getTime()],
    ]);
    expect(stored).toEqual(replayed);
    // The later review's log now records the state the replay gave it: Good after Again.
    expect(logs[1]!.state).toBe(State.Learning);
    expect(logs[1]!.id).toBe(online.logId);

    // Undo still reaches the latest review and restores the card to just after the offline one.
    await undoReview(u.id, { logId: online.logId, sessionId }, new Date(t2.getTime() + 2 * HOUR));
    const afterUndo = await replayedCard(db, u.id, a!.id);
    expect(afterUndo.logs.map((l) => l.rating)).toEqual([1]);
    expect(afterUndo.stored).toEqual(afterUndo.replayed);
  });

  it("refuses review times in the future, older than the limit, or before the card joined the deck, with a reason, and stores nothing", async () => {
    const u = await makeUser();
    const [a, b] = await deckOf(u.id);
    const now = new Date(Date.now() + 20 * DAY);
    const results = await syncOfflineGrades(
      u.id,
      [
        offline(a!.id, Rating.Good, new Date(now.getTime() + 2 * MIN)),
        offline(a!.id, Rating.Good, new Date(now.getTime() - 31 * DAY)),
        offline(a!.id, Rating.Good, new Date(a!.addedAt.getTime() - MIN)),
        offline("no-such-card", Rating.Good, now),
      ],
      now,
    );
    expect(results.map((r) => r.status)).toEqual(["refused", "refused", "refused", "refused"]);
    expect(results.map((r) => r.reason)).toEqual([
      expect.stringMatching(/in the future/),
      expect.stringMatching(/more than 30 days ago/),
      expect.stringMatching(/before the card was added/),
      expect.stringMatching(/no longer in your deck/),
    ]);
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(0);
    // A refusal does not stop the grades after it.
    const [ok] = await syncOfflineGrades(u.id, [offline(b!.id, Rating.Good, new Date(now.getTime() - 19 * DAY))], now);
    expect(ok!.status).toBe("stored");
  });

  it("takes its age limit from UNKNOT_OFFLINE_MAX_AGE_DAYS", async () => {
    process.env.UNKNOT_OFFLINE_MAX_AGE_DAYS = "2";
    const u = await makeUser();
    const [a] = await deckOf(u.id);
    const now = new Date(Date.now() + 10 * DAY);
    const [r] = await syncOfflineGrades(u.id, [offline(a!.id, Rating.Good, new Date(now.getTime() - 3 * DAY))], now);
    expect(r).toMatchObject({ status: "refused", reason: expect.stringMatching(/more than 2 days ago/) });
  });

  it("never applies a grade to another user's card", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const [a] = await deckOf(owner.id);
    const [r] = await syncOfflineGrades(other.id, [offline(a!.id, Rating.Good, new Date(Date.now() + HOUR))], new Date(Date.now() + 2 * HOUR));
    expect(r!.status).toBe("refused");
    expect(await db.reviewLog.count({ where: { cardId: a!.id } })).toBe(0);
  });
});
