import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { gradeReview, syncOfflineGrades, undoReview } from "@/lib/srs/review";
import { Rating, State, default_w, type Grade } from "ts-fsrs";
import { cardAction, undoCardAction } from "@/lib/srs/cards/actions";
import { applyReschedule } from "@/lib/srs/reschedule";
import { replayedCard } from "../replay-oracle";
import { firstCard, grade, makeUser, SESSION } from "./helpers";

// Offline grades that arrive after the card's history went on without them: a reset, a
// suspension or lapses made meanwhile, a device clock running fast, and the study session
// an offline grade was made in.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const offline = (cardId: string, rating: Grade, reviewedAt: Date, extra: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  cardId,
  rating,
  reviewedAt: reviewedAt.getTime(),
  durationMs: 3000,
  ...extra,
});

async function gradeOnline(userId: string, cardId: string, rating: Grade, at: Date) {
  const c = await db.card.findUniqueOrThrow({ where: { id: cardId } });
  return gradeReview(userId, grade(cardId, c.version, rating), at);
}

const cardOf = (id: string) => db.card.findUniqueOrThrow({ where: { id } });

describe("an offline grade made before the card was reset", () => {
  it("is kept in the history but leaves the reset card as it is", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    const t0 = new Date(Date.now() + HOUR);
    const first = [
      offline(a.id, Rating.Good, t0),
      offline(a.id, Rating.Good, new Date(t0.getTime() + 11 * MIN)),
      offline(a.id, Rating.Good, new Date(t0.getTime() + 3 * DAY)),
    ];
    expect((await syncOfflineGrades(u.id, first, new Date(t0.getTime() + 4 * DAY))).map((r) => r.status)).toEqual(["stored", "stored", "stored"]);
    expect(await cardOf(a.id)).toMatchObject({ state: State.Review, reps: 3 });

    // Reset with its counts on another device, then a grade this device made before the reset arrives.
    const resetAt = new Date(t0.getTime() + 4 * DAY);
    await cardAction(u.id, { action: "forget", cardIds: [a.id], resetCounts: true }, resetAt);
    const reset = await cardOf(a.id);
    expect(reset).toMatchObject({ state: State.New, reps: 0, lapses: 0 });
    const older = offline(a.id, Rating.Good, new Date(t0.getTime() + 2 * DAY));
    const [r] = await syncOfflineGrades(u.id, [older], new Date(resetAt.getTime() + HOUR));

    expect(r!.status).toBe("stored");
    const after = await cardOf(a.id);
    expect(after).toEqual(reset);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: r!.logId } });
    expect(log).toMatchObject({ clientId: older.clientId, rating: Rating.Good, review: new Date(older.reviewedAt), undoneAt: null });
    // Its recorded before-state is the card as it was then (in review, two reviews in), not the reset card.
    expect(log).toMatchObject({ state: State.Review, prevReps: 2 });
    // Sent again, it is answered with the first result and changes nothing.
    expect((await syncOfflineGrades(u.id, [older], new Date(resetAt.getTime() + 2 * HOUR)))[0]).toMatchObject({ status: "repeat", logId: r!.logId });
    expect(await cardOf(a.id)).toEqual(reset);
  });

  it("also when it is later than the card's last review but earlier than the reset", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    const t0 = new Date(Date.now() + HOUR);
    await syncOfflineGrades(
      u.id,
      [offline(a.id, Rating.Good, t0), offline(a.id, Rating.Good, new Date(t0.getTime() + 11 * MIN))],
      new Date(t0.getTime() + HOUR),
    );
    const resetAt = new Date(t0.getTime() + 2 * DAY);
    await cardAction(u.id, { action: "forget", cardIds: [a.id], resetCounts: false }, resetAt);
    const reset = await cardOf(a.id);
    const [r] = await syncOfflineGrades(u.id, [offline(a.id, Rating.Again, new Date(t0.getTime() + DAY))], new Date(resetAt.getTime() + HOUR));
    expect(r!.status).toBe("stored");
    expect(await cardOf(a.id)).toEqual(reset);
    // It can never be undone into the card's pre-reset state, even from its own session.
    const session = randomUUID();
    const [s] = await syncOfflineGrades(
      u.id,
      [offline(a.id, Rating.Easy, new Date(t0.getTime() + DAY + HOUR), { sessionId: session })],
      new Date(resetAt.getTime() + HOUR),
    );
    await expect(undoReview(u.id, { logId: s!.logId!, sessionId: session }, new Date(resetAt.getTime() + 2 * HOUR))).rejects.toMatchObject({ status: 409 });
    expect(await cardOf(a.id)).toEqual(reset);
  });

  it("is part of the card's history again once the reset is undone", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    const t0 = new Date(Date.now() + HOUR);
    await syncOfflineGrades(
      u.id,
      [
        offline(a.id, Rating.Good, t0),
        offline(a.id, Rating.Good, new Date(t0.getTime() + 11 * MIN)),
        offline(a.id, Rating.Good, new Date(t0.getTime() + 3 * DAY)),
      ],
      new Date(t0.getTime() + 4 * DAY),
    );
    const resetAt = new Date(t0.getTime() + 4 * DAY);
    const { batchId } = await cardAction(u.id, { action: "forget", cardIds: [a.id], resetCounts: true }, resetAt);
    // One grade before the last review of the stretch the reset ended, one after it.
    const results = await syncOfflineGrades(
      u.id,
      [offline(a.id, Rating.Again, new Date(t0.getTime() + 2 * DAY)), offline(a.id, Rating.Good, new Date(t0.getTime() + 3 * DAY + HOUR))],
      new Date(resetAt.getTime() + HOUR),
    );
    expect(results.map((r) => r.status)).toEqual(["stored", "stored"]);
    expect(await cardOf(a.id)).toMatchObject({ state: State.New, reps: 0 });
    expect(await undoCardAction(u.id, { batchId: batchId! })).toMatchObject({ restored: 1 });
    const { stored, replayed, logs } = await replayedCard(db, u.id, a.id);
    expect(logs).toHaveLength(5);
    expect(stored).toEqual(replayed);
    expect(stored.reps).toBe(5);
  });

  it("counts, after the reset, only the reviews made since it: a later grade continues from the reset card", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    const t0 = new Date(Date.now() + HOUR);
    await syncOfflineGrades(
      u.id,
      [offline(a.id, Rating.Good, t0), offline(a.id, Rating.Good, new Date(t0.getTime() + 11 * MIN))],
      new Date(t0.getTime() + HOUR),
    );
    const resetAt = new Date(t0.getTime() + 2 * DAY);
    await cardAction(u.id, { action: "forget", cardIds: [a.id], resetCounts: true }, resetAt);
    // Relearned after the reset, online and offline in either order.
    const afterReset = new Date(resetAt.getTime() + HOUR);
    await gradeOnline(u.id, a.id, Rating.Good, new Date(afterReset.getTime() + 20 * MIN));
    const results = await syncOfflineGrades(
      u.id,
      [offline(a.id, Rating.Good, new Date(t0.getTime() + DAY)), offline(a.id, Rating.Again, afterReset)],
      new Date(afterReset.getTime() + HOUR),
    );
    expect(results.map((r) => r.status)).toEqual(["stored", "stored"]);
    const c = await cardOf(a.id);
    expect(c.reps).toBe(2);
    const { stored, replayed } = await replayedCard(db, u.id, a.id);
    expect(stored).toEqual(replayed);
  });
});

describe("an offline grade placed before reviews made meanwhile", () => {
  it("leaves a card suspended after it suspended", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    const t0 = new Date(Date.now() + HOUR);
    await syncOfflineGrades(
      u.id,
      [offline(a.id, Rating.Good, t0), offline(a.id, Rating.Good, new Date(t0.getTime() + 11 * MIN))],
      new Date(t0.getTime() + HOUR),
    );
    await gradeOnline(u.id, a.id, Rating.Good, new Date(t0.getTime() + 3 * DAY));
    await cardAction(u.id, { action: "suspend", cardIds: [a.id], resetCounts: false }, new Date(t0.getTime() + 3 * DAY + HOUR));
    const suspendedAt = (await cardOf(a.id)).suspendedAt;
    expect(suspendedAt).not.toBeNull();
    const [r] = await syncOfflineGrades(u.id, [offline(a.id, Rating.Again, new Date(t0.getTime() + DAY))], new Date(t0.getTime() + 4 * DAY));
    expect(r!.status).toBe("stored");
    const c = await cardOf(a.id);
    expect(c.suspendedAt).toEqual(suspendedAt);
    expect(c.reps).toBe(4);
  });

  it("after a rescheduling made since, replays the card's whole history with the parameters it was rescheduled to", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    const t0 = new Date(Date.now() + HOUR);
    await gradeOnline(u.id, a.id, Rating.Good, t0);
    await gradeOnline(u.id, a.id, Rating.Good, new Date(t0.getTime() + 11 * MIN));
    await gradeOnline(u.id, a.id, Rating.Good, new Date(t0.getTime() + 3 * DAY));
    await gradeOnline(u.id, a.id, Rating.Good, new Date(t0.getTime() + 12 * DAY));
    // New parameters, and the cards rescheduled to them.
    await db.user.update({ where: { id: u.id }, data: { fsrsWeights: JSON.stringify(default_w.map((w, i) => (i === 8 ? w * 1.6 : w))) } });
    expect((await applyReschedule(u.id, new Date(t0.getTime() + 13 * DAY))).changed).toBe(1);
    const [r] = await syncOfflineGrades(u.id, [offline(a.id, Rating.Hard, new Date(t0.getTime() + 5 * DAY))], new Date(t0.getTime() + 14 * DAY));
    expect(r!.status).toBe("stored");
    const { stored, replayed, logs } = await replayedCard(db, u.id, a.id);
    expect(logs).toHaveLength(5);
    expect(stored).toEqual(replayed);
  });

  it("applies the leech rule when its lapse is the one that reaches the threshold", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    let t = new Date(Date.now() + HOUR);
    const at = (ms: number) => (t = new Date(t.getTime() + ms));
    // Into review, then seven lapses (Again in review, Good to relearn), each a day apart.
    await gradeOnline(u.id, a.id, Rating.Good, t);
    await gradeOnline(u.id, a.id, Rating.Good, at(11 * MIN));
    for (let i = 0; i < 7; i++) {
      await gradeOnline(u.id, a.id, Rating.Again, at(DAY));
      await gradeOnline(u.id, a.id, Rating.Good, at(11 * MIN));
    }
    const lastRelearned = t;
    await gradeOnline(u.id, a.id, Rating.Good, at(DAY));
    expect(await cardOf(a.id)).toMatchObject({ state: State.Review, lapses: 7, leech: false, suspendedAt: null });
    // The eighth lapse was made offline, between the last relearning and the last review.
    const [r] = await syncOfflineGrades(u.id, [offline(a.id, Rating.Again, new Date(lastRelearned.getTime() + HOUR))], at(HOUR));
    expect(r!.status).toBe("stored");
    const c = await cardOf(a.id);
    expect(c.lapses).toBe(8);
    expect(c.leech).toBe(true);
    expect(c.suspendedAt).not.toBeNull();
    // What the rule did is recorded on the review that reached the threshold in the replayed history.
    const logs = await db.reviewLog.findMany({ where: { cardId: a.id, undoneAt: null }, orderBy: { review: "asc" } });
    const flagged = logs.filter((l) => l.leechChange !== 0);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ id: r!.logId, leechChange: 3, prevLapses: 7 });
    const { stored, replayed } = await replayedCard(db, u.id, a.id);
    expect(stored).toEqual(replayed);
  });
});

describe("the device's clock and study session", () => {
  it("stores a grade from a clock a little fast at the server's time, so an online grade right after it is the latest and can be undone", async () => {
    const u = await makeUser();
    const [a, b] = await db.card.findMany({ where: { userId: u.id }, orderBy: { catalogCard: { position: "asc" } }, take: 2 });
    const now = new Date(Date.now() + HOUR);
    // This device's clock runs 50 s fast.
    const fast = [offline(a!.id, Rating.Good, new Date(now.getTime() + 40_000)), offline(b!.id, Rating.Good, new Date(now.getTime() + 50_000))];
    const results = await syncOfflineGrades(u.id, fast, now);
    expect(results.map((r) => r.status)).toEqual(["stored", "stored"]);
    const logs = await db.reviewLog.findMany({ where: { userId: u.id }, orderBy: { review: "asc" } });
    // Moved back together: the order and the gap between them are kept, the last at the server's time.
    expect(logs.map((l) => [l.clientId, l.review.getTime()])).toEqual([
      [fast[0]!.clientId, now.getTime() - 10_000],
      [fast[1]!.clientId, now.getTime()],
    ]);
    const online = await gradeOnline(u.id, a!.id, Rating.Good, new Date(now.getTime() + 1000));
    await undoReview(u.id, { logId: online.logId, sessionId: SESSION }, new Date(now.getTime() + 2000));
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: online.logId } })).undoneAt).not.toBeNull();
  });

  it("keeps the study session an offline grade was made in, so that session can undo it once it is stored", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    const now = new Date(Date.now() + HOUR);
    const session = randomUUID();
    const g = offline(a.id, Rating.Good, new Date(now.getTime() - 5 * MIN), { sessionId: session });
    const [r] = await syncOfflineGrades(u.id, [g], now);
    expect(r!.status).toBe("stored");
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: r!.logId } })).sessionId).toBe(session);
    // Another session cannot undo it; its own can.
    await expect(undoReview(u.id, { logId: r!.logId!, sessionId: randomUUID() }, now)).rejects.toMatchObject({ status: 409 });
    await undoReview(u.id, { logId: r!.logId!, sessionId: session }, now);
    expect(await cardOf(a.id)).toMatchObject({ state: State.New, reps: 0 });
  });

  it("keeps the session of a grade put in its place before a later review too", async () => {
    const u = await makeUser();
    const a = await firstCard(u.id);
    const t1 = new Date(Date.now() + HOUR);
    await gradeOnline(u.id, a.id, Rating.Good, new Date(t1.getTime() + 20 * MIN));
    const session = randomUUID();
    const [r] = await syncOfflineGrades(u.id, [offline(a.id, Rating.Again, t1, { sessionId: session })], new Date(t1.getTime() + HOUR));
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: r!.logId } })).sessionId).toBe(session);
  });
});
