import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { getDashboard } from "@/lib/progress/queries";
import { getReviewState, gradeReview, undoReview } from "@/lib/srs/review";
import { cardAction, undoCardAction } from "@/lib/srs/cards/actions";
import { getCardInfo } from "@/lib/srs/cards/info";
import { listCards } from "@/lib/srs/cards/list";
import { DEFAULT_QUERY } from "@/lib/srs/cards/query";
import { createScheduler, retrievability } from "@/lib/srs/scheduler";
import { loadSequences } from "@/lib/optimizer/data";
import { cardActionSchema, undoCardActionSchema } from "@/lib/validation/cards";
import { grade, makeUser, viaAction } from "./helpers";
import { deckOf } from "./progress-fixtures";
import { State, Rating } from "ts-fsrs";

const DAY = 86_400_000;
const NOW = new Date("2026-04-15T12:00:00Z");

// n cards in review state, due a day before NOW, so all of them are in today's queue.
async function reviewDeck(n: number, extra: { timeZone?: string } = {}) {
  const u = await makeUser(extra);
  const cards = await deckOf(u.id, n);
  for (const [i, c] of cards.entries()) {
    await db.card.update({
      where: { id: c.id },
      data: {
        state: State.Review,
        due: new Date(NOW.getTime() - DAY - i * 60_000),
        stability: 5 + i,
        difficulty: 5,
        lastReview: new Date(NOW.getTime() - 6 * DAY),
        reps: 3,
        lapses: 1,
        scheduledDays: 5,
      },
    });
  }
  // The rest of the deck (other lessons' cards) stays out of the way: new cards are limited.
  await db.user.update({ where: { id: u.id }, data: { newCardsPerDay: 0 } });
  return { u, cards: await db.card.findMany({ where: { id: { in: cards.map((c) => c.id) } }, orderBy: { due: "asc" } }) };
}

const queueIds = async (userId: string, now = NOW) => {
  const ids: string[] = [];
  // Walk the queue by grading Good, which moves each card out of today.
  for (let i = 0; i < 50; i++) {
    const s = await getReviewState(userId, now);
    if (!s.card) break;
    ids.push(s.card.cardId);
    await gradeReview(userId, grade(s.card.cardId, s.card.version, Rating.Good), now);
  }
  return ids;
};

describe("suspending cards", () => {
  it("takes them out of every queue and count until unsuspended, keeping their history", async () => {
    const { u, cards } = await reviewDeck(3);
    const [a, b] = cards;
    await gradeReview(u.id, grade(a!.id, a!.version, Rating.Again), new Date(NOW.getTime() - 2 * DAY));
    const res = await cardAction(u.id, { action: "suspend", cardIds: [a!.id, b!.id], resetCounts: false }, NOW);
    expect(res).toMatchObject({ changed: 2, unchanged: 0, kind: "suspend" });
    const state = await getReviewState(u.id, NOW);
    // a is relearning since its Again, b a review: both gone, only the third card is left.
    expect(state.counts.review + state.counts.learning).toBe(1);
    expect(state.card?.cardId).toBe(cards[2]!.id);
    expect((await getDashboard(u.id, NOW)).dueNow).toBe(1);
    expect((await getDashboard(u.id, NOW)).suspended).toBe(2);
    expect(await db.reviewLog.count({ where: { cardId: a!.id } })).toBe(1);

    await cardAction(u.id, { action: "unsuspend", cardIds: [a!.id, b!.id], resetCounts: false }, NOW);
    const back = await getReviewState(u.id, NOW);
    expect(back.counts.review + back.counts.learning).toBe(3);
  });

  it("is idempotent: a repeat changes nothing and records nothing", async () => {
    const { u, cards } = await reviewDeck(2);
    await cardAction(u.id, { action: "suspend", cardIds: [cards[0]!.id], resetCounts: false }, NOW);
    const before = await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } });
    const again = await cardAction(u.id, { action: "suspend", cardIds: [cards[0]!.id], resetCounts: false }, new Date(NOW.getTime() + 1000));
    expect(again).toMatchObject({ batchId: null, changed: 0, unchanged: 1 });
    expect(await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } })).toEqual(before);
    expect(await db.cardEvent.count({ where: { cardId: cards[0]!.id } })).toBe(1);
  });

  it("refuses another user's cards and changes nothing, not even the caller's own", async () => {
    const { u, cards } = await reviewDeck(1);
    const other = await reviewDeck(1);
    const theirs = await db.card.findUniqueOrThrow({ where: { id: other.cards[0]!.id } });
    await expect(cardAction(u.id, { action: "suspend", cardIds: [cards[0]!.id, theirs.id], resetCounts: false }, NOW)).rejects.toThrow(UserError);
    expect(await db.card.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(theirs);
    expect((await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } })).suspendedAt).toBeNull();
    expect(await db.cardEvent.count({ where: { userId: u.id } })).toBe(0);
  });

  it("refuses malformed input at the action's edge with a message", () => {
    expect(() => viaAction(cardActionSchema, { action: "explode", cardIds: ["x"] })).toThrow("Unknown action");
    expect(() => viaAction(cardActionSchema, { action: "suspend", cardIds: [] })).toThrow("Choose at least one card");
    expect(() => viaAction(undoCardActionSchema, { batchId: "not-a-batch" })).toThrow("Nothing to undo");
  });
});

describe("undoing an action", () => {
  it("restores every card of the action exactly, once", async () => {
    const { u, cards } = await reviewDeck(2);
    const before = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    const res = await cardAction(u.id, { action: "forget", cardIds: cards.map((c) => c.id), resetCounts: true }, NOW);
    const undo = await undoCardAction(u.id, { batchId: res.batchId! }, NOW);
    expect(undo).toEqual({ restored: 2, skipped: 0, replay: false });
    const after = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    const strip = (cs: typeof after) => cs.map(({ version: _v, ...c }) => c);
    expect(strip(after)).toEqual(strip(before));
    expect(await undoCardAction(u.id, { batchId: res.batchId! }, NOW)).toEqual({ restored: 0, skipped: 0, replay: true });
  });

  it("leaves a card that changed since the action as it is", async () => {
    const { u, cards } = await reviewDeck(1);
    const res = await cardAction(u.id, { action: "bury", cardIds: [cards[0]!.id], resetCounts: false }, NOW);
    await cardAction(u.id, { action: "suspend", cardIds: [cards[0]!.id], resetCounts: false }, NOW);
    expect(await undoCardAction(u.id, { batchId: res.batchId! }, NOW)).toMatchObject({ restored: 0, skipped: 1 });
    expect((await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } })).suspendedAt).not.toBeNull();
  });

  it("cannot undo another user's action", async () => {
    const { u, cards } = await reviewDeck(1);
    const other = await reviewDeck(1);
    const res = await cardAction(u.id, { action: "suspend", cardIds: [cards[0]!.id], resetCounts: false }, NOW);
    await expect(undoCardAction(other.u.id, { batchId: res.batchId! }, NOW)).rejects.toThrow(/Nothing to undo/);
    expect((await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } })).suspendedAt).not.toBeNull();
  });
});

describe("burying a card", () => {
  it("takes it out of today's queue and brings it back at the next study day, in the learner's zone", async () => {
    // New York: the study day of 12:00 UTC (08:00 local) ends at 04:00 local the next day = 08:00 UTC.
    const { u, cards } = await reviewDeck(2, { timeZone: "America/New_York" });
    await cardAction(u.id, { action: "bury", cardIds: [cards[0]!.id], resetCounts: false }, NOW);
    const stored = await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } });
    expect(stored.buriedUntil?.toISOString()).toBe("2026-04-16T08:00:00.000Z");
    expect((await getReviewState(u.id, NOW)).counts.review).toBe(1);
    expect((await getReviewState(u.id, new Date("2026-04-16T07:59:00Z"))).counts.review).toBe(1);
    expect((await getReviewState(u.id, new Date("2026-04-16T08:00:00Z"))).counts.review).toBe(2);
    expect((await listCards(u.id, { ...DEFAULT_QUERY, flag: "buried" }, NOW)).rows.map((r) => r.id)).toEqual([cards[0]!.id]);
  });
});

describe("forgetting a card", () => {
  it("makes it new at the end of the new queue, recorded as a manual entry, with its reviews kept", async () => {
    // The deck's new cards are added at the real time, so this test runs at the real time too.
    const u = await makeUser();
    const cards = await deckOf(u.id, 3);
    const NOW = new Date(Date.now() + 1000);
    const first = cards[0]!;
    await gradeReview(u.id, grade(first.id, first.version, Rating.Good), new Date(NOW.getTime() - 3 * DAY));
    const graded = await db.card.findUniqueOrThrow({ where: { id: first.id } });
    await gradeReview(u.id, grade(first.id, graded.version, Rating.Good), new Date(NOW.getTime() - 2 * DAY));
    const res = await cardAction(u.id, { action: "forget", cardIds: [first.id], resetCounts: false }, NOW);
    expect(res.changed).toBe(1);
    const c = await db.card.findUniqueOrThrow({ where: { id: first.id } });
    expect(c).toMatchObject({ state: State.New, stability: 0, difficulty: 0, reps: 2 });
    expect(c.due.getTime()).toBe(NOW.getTime());
    // Other new cards come first: this one is last in the new queue.
    const s = await getReviewState(u.id, NOW);
    expect(s.card?.cardId).not.toBe(first.id);
    expect(await db.reviewLog.count({ where: { cardId: first.id } })).toBe(2);
    const info = await getCardInfo(u.id, first.id, NOW);
    expect(info.history.map((h) => h.type)).toEqual(["review", "review", "manual"]);
    // A second forget of a new card changes nothing; with resetCounts it zeroes the counts.
    expect((await cardAction(u.id, { action: "forget", cardIds: [first.id], resetCounts: false }, NOW)).changed).toBe(0);
    await cardAction(u.id, { action: "forget", cardIds: [first.id], resetCounts: true }, NOW);
    expect(await db.card.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ reps: 0, lapses: 0 });
  });

  it("leaves the reviews before it out of the optimizer's training sequence", async () => {
    const u = await makeUser();
    const [card] = await deckOf(u.id, 1);
    let v = card!.version;
    for (const [d, r] of [
      [-10, 3],
      [-8, 3],
      [-4, 1],
    ] as const) {
      await gradeReview(u.id, grade(card!.id, v, r), new Date(NOW.getTime() + d * DAY));
      v = (await db.card.findUniqueOrThrow({ where: { id: card!.id } })).version;
    }
    expect((await loadSequences(u.id))[0]).toHaveLength(3);
    await cardAction(u.id, { action: "forget", cardIds: [card!.id], resetCounts: false }, new Date(NOW.getTime() - 3 * DAY));
    v = (await db.card.findUniqueOrThrow({ where: { id: card!.id } })).version;
    await gradeReview(u.id, grade(card!.id, v, Rating.Good), new Date(NOW.getTime() - 2 * DAY));
    v = (await db.card.findUniqueOrThrow({ where: { id: card!.id } })).version;
    await gradeReview(u.id, grade(card!.id, v, Rating.Good), new Date(NOW.getTime() - 1 * DAY));
    const seq = await loadSequences(u.id);
    expect(seq).toEqual([
      [
        { rating: Rating.Good, deltaT: 0 },
        { rating: Rating.Good, deltaT: 1 },
      ],
    ]);
  });
});

describe("the daily review limit", () => {
  it("offers at most the limit, counting today's reviews, and keeps the rest due for later days", async () => {
    const { u } = await reviewDeck(5);
    await db.user.update({ where: { id: u.id }, data: { reviewsPerDay: 3 } });
    expect((await getReviewState(u.id, NOW)).counts.review).toBe(3);
    const done = await queueIds(u.id);
    expect(done).toHaveLength(3);
    const after = await getReviewState(u.id, NOW);
    expect(after.card).toBeNull();
    expect(after.counts.review).toBe(0);
    expect((await getDashboard(u.id, NOW)).dueNow).toBe(0);
    // Two cards are still due, and the next study day takes them up.
    expect(await db.card.count({ where: { userId: u.id, state: State.Review, due: { lt: NOW } } })).toBe(2);
    expect((await getReviewState(u.id, new Date(NOW.getTime() + DAY))).counts.review).toBe(2);
  });

  it("gives the same due-today number on /progress as the queue", async () => {
    const { u } = await reviewDeck(4);
    await db.user.update({ where: { id: u.id }, data: { reviewsPerDay: 2 } });
    const s = await getReviewState(u.id, NOW);
    expect((await getDashboard(u.id, NOW)).dueNow).toBe(s.counts.learning + s.counts.review);
    expect(s.counts.review).toBe(2);
  });
});

describe("leeches", () => {
  it("flags and suspends a card whose lapses reach the threshold, and undoing the grade reverses it", async () => {
    const { u, cards } = await reviewDeck(1);
    await db.user.update({ where: { id: u.id }, data: { leechThreshold: 2 } });
    const c = cards[0]!;
    const sessionId = randomUUID();
    const r = await gradeReview(u.id, { ...grade(c.id, c.version, Rating.Again), sessionId }, NOW);
    const after = await db.card.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ lapses: 2, leech: true });
    expect(after.suspendedAt?.getTime()).toBe(NOW.getTime());
    expect((await getReviewState(u.id, NOW)).card).toBeNull();
    expect((await getDashboard(u.id, NOW)).leeches).toBe(1);
    await undoReview(u.id, { logId: r.logId, sessionId }, NOW);
    expect(await db.card.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ lapses: 1, leech: false, suspendedAt: null });
  });

  it("only flags with the flag-only setting, and the review shows it as a leech", async () => {
    const { u, cards } = await reviewDeck(1);
    await db.user.update({ where: { id: u.id }, data: { leechThreshold: 2, leechAction: "flag" } });
    await gradeReview(u.id, grade(cards[0]!.id, cards[0]!.version, Rating.Again), NOW);
    expect(await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } })).toMatchObject({ leech: true, suspendedAt: null });
    const later = await getReviewState(u.id, new Date(NOW.getTime() + DAY));
    expect(later.card).toMatchObject({ cardId: cards[0]!.id, leech: true, lapses: 2 });
  });
});

describe("the cards list", () => {
  it("searches, filters, sorts and pages in SQL, with recall as ts-fsrs computes it", async () => {
    const { u, cards } = await reviewDeck(4);
    const all = await listCards(u.id, { ...DEFAULT_QUERY, sort: "stability", dir: "desc" }, NOW);
    const reviewRows = all.rows.filter((r) => r.state === State.Review);
    expect(reviewRows.map((r) => r.stability)).toEqual([8, 7, 6, 5]);
    expect(all.total).toBe(await db.card.count({ where: { userId: u.id } }));
    const f = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day: { timeZone: "UTC", rolloverHour: 4 } });
    const c = cards[0]!;
    const row = all.rows.find((r) => r.id === c.id)!;
    expect(row.retrievability).toBeCloseTo(retrievability(f, c, NOW), 7);

    const front = all.rows.find((r) => r.id === c.id)!.front;
    const word = front
      .split(/\s+/)
      .find((w) => w.length > 4)!
      .toUpperCase();
    const found = await listCards(u.id, { ...DEFAULT_QUERY, q: word }, NOW);
    expect(found.rows.some((r) => r.id === c.id)).toBe(true);
    expect(found.rows.every((r) => r.front.toLowerCase().includes(word.toLowerCase()))).toBe(true);

    expect((await listCards(u.id, { ...DEFAULT_QUERY, due: "overdue" }, NOW)).total).toBe(4);
    expect((await listCards(u.id, { ...DEFAULT_QUERY, state: "new" }, NOW)).rows.every((r) => r.state === State.New)).toBe(true);
    const byR = await listCards(u.id, { ...DEFAULT_QUERY, sort: "retrievability", dir: "asc" }, NOW);
    const rs = byR.rows.map((r) => r.retrievability);
    expect(rs.slice(0, 4).every((r) => r != null)).toBe(true);
    expect(rs.slice(0, 4)).toEqual([...rs.slice(0, 4)].sort((a, b) => a! - b!));

    await cardAction(u.id, { action: "suspend", cardIds: [c.id], resetCounts: false }, NOW);
    expect((await listCards(u.id, { ...DEFAULT_QUERY, flag: "suspended" }, NOW)).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await listCards(u.id, { ...DEFAULT_QUERY, flag: "none" }, NOW)).rows.some((r) => r.id === c.id)).toBe(false);
  });

  it("never lists another user's cards, and pages without overlap", async () => {
    const { u } = await reviewDeck(2);
    await deckOf(u.id, 60);
    const other = await reviewDeck(2);
    const p1 = await listCards(u.id, { ...DEFAULT_QUERY, sort: "front" }, NOW);
    const p2 = await listCards(u.id, { ...DEFAULT_QUERY, sort: "front", page: 2 }, NOW);
    expect(p1.rows).toHaveLength(50);
    const ids = [...p1.rows, ...p2.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(p1.total);
    const theirs = new Set((await db.card.findMany({ where: { userId: other.u.id } })).map((c) => c.id));
    expect(ids.some((id) => theirs.has(id))).toBe(false);
    await expect(getCardInfo(u.id, other.cards[0]!.id, NOW)).rejects.toThrow(/No such card/);
  });
});
