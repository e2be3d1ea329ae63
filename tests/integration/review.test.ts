import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isPostgresUrl } from "@/lib/db/url";
import { UserError } from "@/lib/errors";
import { getReviewState, gradeReview, undoReview } from "@/lib/srs/review";
import { gradeSchema, undoSchema } from "@/lib/validation/review";
import { firstCard, grade, makeUser, SESSION, viaRoute } from "./helpers";
import { getStudySummary } from "@/lib/progress/summary";
import { getDashboard } from "@/lib/progress/queries";
import { cardFields } from "@/lib/srs/card-rows";
import { env } from "@/lib/env";
import { State, Rating } from "ts-fsrs";

// A card's FSRS fields, as undo restores them.
const fsrsFields = cardFields;

describe("grading a card", () => {
  it("stores the new card state and a full pre-review log in one step", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const now = new Date();
    const r = await gradeReview(u.id, grade(card.id, card.version, Rating.Good), now);
    const after = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: r.logId } });
    expect(after.state).toBe(State.Learning);
    expect(after.reps).toBe(1);
    expect(after.learningSteps).toBe(1);
    expect(after.version).toBe(card.version + 1);
    expect(after.due.getTime()).toBe(now.getTime() + 10 * 60_000);
    expect(log).toMatchObject({
      userId: u.id,
      cardId: card.id,
      rating: Rating.Good,
      state: State.New,
      stability: 0,
      difficulty: 0,
      learningSteps: 0,
      durationMs: 4000,
      nextState: 1,
    });
    expect(log.review.getTime()).toBe(now.getTime());
    expect(log.prevDue.getTime()).toBe(card.due.getTime());
    expect(log.reviewDay).toBe(Math.floor((now.getTime() - 4 * 3_600_000) / 86_400_000));
  });

  it("answers a repeated request with the first result and writes nothing new", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const input = grade(card.id, card.version, Rating.Good);
    const first = await gradeReview(u.id, input);
    const again = await gradeReview(u.id, input);
    expect(again).toEqual({ ...first, replay: true });
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(1);
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(1);
  });

  it("stores concurrent copies of one grade once", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const input = grade(card.id, card.version, Rating.Easy);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => gradeReview(u.id, input)));
    const ok = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ logId: string }>).value.logId);
    expect(ok.length).toBe(6);
    expect(new Set(ok).size).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(1);
  });

  it("refuses a grade for a card that changed since it was shown, and applies nothing", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    await gradeReview(u.id, grade(card.id, card.version, Rating.Good));
    const before = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    const stale = gradeReview(u.id, grade(card.id, card.version, Rating.Again));
    await expect(stale).rejects.toThrow(/another tab|changed elsewhere/);
    await expect(stale).rejects.toMatchObject({ status: 409 });
    expect(await db.card.findUniqueOrThrow({ where: { id: card.id } })).toEqual(before);
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(1);
  });

  it.each([
    ["a missing field", (id: string) => ({ cardId: id, rating: Rating.Good, version: 0, durationMs: 1 })],
    ["a rating out of range", (id: string) => ({ ...grade(id, 0, Rating.Good), rating: 5 })],
    ["a rating of the wrong type", (id: string) => ({ ...grade(id, 0, Rating.Good), rating: "3" })],
    ["a huge card id", () => grade("x".repeat(10_000), 0, Rating.Good)],
    ["an unknown extra field", (id: string) => ({ ...grade(id, 0, Rating.Good), userId: "someone-else" })],
    ["a malformed client id", (id: string) => grade(id, 0, Rating.Good, { clientId: "not-a-uuid" })],
    ["a negative duration", (id: string) => grade(id, 0, Rating.Good, { durationMs: -5 })],
  ])("refuses %s with a clear 400 at the route's edge and writes nothing", async (_, make) => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const p = (async () => gradeReview(u.id, viaRoute(gradeSchema, make(card.id))))();
    await expect(p).rejects.toBeInstanceOf(UserError);
    await expect(p).rejects.toMatchObject({ status: 400 });
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.card.findUniqueOrThrow({ where: { id: card.id } })).toEqual(card);
  });

  it("refuses an unknown card id with 404", async () => {
    const u = await makeUser();
    await expect(gradeReview(u.id, grade("no-such-card", 0, Rating.Good))).rejects.toMatchObject({ status: 404 });
  });
});

describe("a card whose last review is later than now", () => {
  it("is shown, previewed and graded as if last reviewed now, and leaves the summary and dashboard working", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const now = new Date();
    // A learning card as a bad import or a fast clock could leave it: last reviewed tomorrow.
    await db.card.update({
      where: { id: card.id },
      data: {
        state: State.Learning,
        learningSteps: 1,
        reps: 1,
        stability: 2.3,
        difficulty: 5,
        due: new Date(now.getTime() - 60_000),
        lastReview: new Date(now.getTime() + 86_400_000),
      },
    });
    const { card: shown } = await getReviewState(u.id, now);
    expect(shown?.cardId).toBe(card.id);
    await expect(getStudySummary(u.id, now)).resolves.toBeDefined();
    await expect(getDashboard(u.id, now)).resolves.toBeDefined();
    const graded = await gradeReview(u.id, grade(card.id, shown!.version, Rating.Good), now);
    expect(graded.replay).toBeFalsy();
    const after = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.lastReview?.getTime()).toBe(now.getTime());
  });
});

describe("undo", () => {
  it("returns the card exactly to its state before the last review and marks the log undone", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    let now = new Date("2026-04-01T09:00:00Z");
    // Take the card into review state first, so that undo has real state to restore.
    let c = card;
    for (const rating of [3, 3] as const) {
      await gradeReview(u.id, grade(c.id, c.version, rating), now);
      c = await db.card.findUniqueOrThrow({ where: { id: c.id } });
      now = new Date(c.due.getTime() + 60_000);
    }
    expect(c.state).toBe(State.Review);
    const before = fsrsFields(c);
    const r = await gradeReview(u.id, grade(c.id, c.version, Rating.Again), now);
    expect((await db.card.findUniqueOrThrow({ where: { id: c.id } })).lapses).toBe(1);
    await undoReview(u.id, { logId: r.logId, sessionId: SESSION });
    const restored = await db.card.findUniqueOrThrow({ where: { id: c.id } });
    expect(fsrsFields(restored)).toEqual(before);
    expect(restored.version).toBeGreaterThan(c.version);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: r.logId } });
    expect(log.undoneAt).not.toBeNull();
    // Undoing twice changes nothing more.
    expect(await undoReview(u.id, { logId: r.logId, sessionId: SESSION })).toMatchObject({ replay: true });
    expect(fsrsFields(await db.card.findUniqueOrThrow({ where: { id: c.id } }))).toEqual(before);
  });

  it("undoes only the most recent review, then the one before it", async () => {
    const u = await makeUser();
    const cards = await db.card.findMany({ where: { userId: u.id }, orderBy: { catalogCard: { position: "asc" } }, take: 2 });
    const t = Date.now();
    const a = await gradeReview(u.id, grade(cards[0]!.id, 0, Rating.Good), new Date(t));
    const b = await gradeReview(u.id, grade(cards[1]!.id, 0, Rating.Good), new Date(t + 1000));
    await expect(undoReview(u.id, { logId: a.logId, sessionId: SESSION })).rejects.toMatchObject({ status: 409 });
    await undoReview(u.id, { logId: b.logId, sessionId: SESSION });
    await undoReview(u.id, { logId: a.logId, sessionId: SESSION });
    expect(await db.card.count({ where: { userId: u.id, reps: { gt: 0 } } })).toBe(0);
  });

  it("refuses to undo a review from another study session, even the most recent one, and changes nothing", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const r = await gradeReview(u.id, grade(card.id, card.version, Rating.Good));
    const after = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    const otherSession = randomUUID();
    const refused = undoReview(u.id, { logId: r.logId, sessionId: otherSession });
    await expect(refused).rejects.toMatchObject({ status: 409 });
    await expect(refused).rejects.toThrow(
      /^That review was made in an earlier study session or on another device\. Undo reaches back only through this session\.$/,
    );
    expect(await db.card.findUniqueOrThrow({ where: { id: card.id } })).toEqual(after);
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: r.logId } })).undoneAt).toBeNull();
    // The session it was made in still can.
    await undoReview(u.id, { logId: r.logId, sessionId: SESSION });
    expect(fsrsFields(await db.card.findUniqueOrThrow({ where: { id: card.id } }))).toEqual(fsrsFields(card));
  });

  it("walks back through this session's reviews exactly, then stops at a review made in an earlier session or on another device", async () => {
    const u = await makeUser();
    const cards = await db.card.findMany({ where: { userId: u.id }, orderBy: { catalogCard: { position: "asc" } }, take: 3 });
    const t = Date.parse("2026-04-01T09:00:00Z");
    const earlier = randomUUID();
    const a = await gradeReview(u.id, grade(cards[0]!.id, 0, Rating.Good, { sessionId: earlier }), new Date(t));
    const aAfter = await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } });
    const b = await gradeReview(u.id, grade(cards[1]!.id, 0, Rating.Easy), new Date(t + 60_000));
    const c = await gradeReview(u.id, grade(cards[2]!.id, 0, Rating.Again), new Date(t + 120_000));
    await undoReview(u.id, { logId: c.logId, sessionId: SESSION });
    await undoReview(u.id, { logId: b.logId, sessionId: SESSION });
    expect(fsrsFields(await db.card.findUniqueOrThrow({ where: { id: cards[1]!.id } }))).toEqual(fsrsFields(cards[1]!));
    expect(fsrsFields(await db.card.findUniqueOrThrow({ where: { id: cards[2]!.id } }))).toEqual(fsrsFields(cards[2]!));
    // The third undo would reach the earlier session's review: refused, that card untouched.
    await expect(undoReview(u.id, { logId: a.logId, sessionId: SESSION })).rejects.toThrow(/earlier study session or on another device/);
    expect(await db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } })).toEqual(aAfter);
    expect(await db.reviewLog.count({ where: { userId: u.id, undoneAt: null } })).toBe(1);
  });

  it("never undoes a review stored without a session (seeded, imported or graded by an older client)", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const r = await gradeReview(u.id, grade(card.id, card.version, Rating.Good, { sessionId: undefined }));
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: r.logId } })).sessionId).toBeNull();
    await expect(undoReview(u.id, { logId: r.logId, sessionId: SESSION })).rejects.toMatchObject({ status: 409 });
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: r.logId } })).undoneAt).toBeNull();
  });

  it("asks for the study session: an undo without one, or with a malformed one, is refused with a clear message", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const r = await gradeReview(u.id, grade(card.id, card.version, Rating.Good));
    const undo = async (body: unknown) => undoReview(u.id, viaRoute(undoSchema, body));
    await expect(undo({ logId: r.logId })).rejects.toMatchObject({ status: 400, message: "Undo needs the study session it is asked from" });
    await expect(undo({ logId: r.logId, sessionId: "not-a-uuid" })).rejects.toMatchObject({ status: 400, message: "sessionId must be a UUID" });
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: r.logId } })).undoneAt).toBeNull();
  });

  it("keeps an undone grade's id reserved: repeating it is refused, not applied again", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const input = grade(card.id, card.version, Rating.Good);
    const r = await gradeReview(u.id, input);
    await undoReview(u.id, { logId: r.logId, sessionId: SESSION });
    await expect(gradeReview(u.id, input)).rejects.toMatchObject({ status: 409 });
    expect(await db.reviewLog.count({ where: { userId: u.id, undoneAt: null } })).toBe(0);
  });
});

describe("today's queue", () => {
  it("introduces new cards up to the daily limit, counting those already introduced today", async () => {
    const u = await makeUser();
    await db.user.update({ where: { id: u.id }, data: { newCardsPerDay: 3 } });
    const now = new Date("2026-04-02T12:00:00Z");
    const s0 = await getReviewState(u.id, now);
    expect(s0.counts.new).toBe(3);
    const c = s0.card!;
    await gradeReview(u.id, grade(c.cardId, c.version, Rating.Easy), now); // Easy: straight to review, due in days
    const s1 = await getReviewState(u.id, new Date(now.getTime() + 1000));
    expect(s1.counts.new).toBe(2);
    expect(s1.card?.cardId).not.toBe(c.cardId);
    expect(s1.today.done).toBe(1);
  });

  it("shows each grade's interval from the card's real state", async () => {
    const u = await makeUser();
    const s = await getReviewState(u.id, new Date("2026-04-02T12:00:00Z"));
    expect(s.card!.intervals.map((i) => i.label).slice(0, 3)).toEqual(["1m", "6m", "10m"]);
  });

  it("reports the next due time when nothing is left today", async () => {
    const u = await makeUser();
    await db.user.update({ where: { id: u.id }, data: { newCardsPerDay: 1 } });
    const now = new Date("2026-04-02T12:00:00Z");
    const c = (await getReviewState(u.id, now)).card!;
    const r = await gradeReview(u.id, grade(c.cardId, c.version, Rating.Easy), now);
    const s = await getReviewState(u.id, new Date(now.getTime() + 1000));
    expect(s.card).toBeNull();
    expect(s.nextDueAt).toBe(r.nextDue);
    expect(s.lastLogId).toBe(r.logId);
  });
});

describe("the database", () => {
  it("commits durably: SQLite in WAL mode with synchronous FULL, PostgreSQL with synchronous_commit on", async () => {
    if (isPostgresUrl(env().DATABASE_URL)) {
      const [{ synchronous_commit }] = await db.$queryRawUnsafe<{ synchronous_commit: string }[]>("SHOW synchronous_commit");
      expect(synchronous_commit).toBe("on");
      return;
    }
    const [{ journal_mode }] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [{ synchronous }] = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    expect(journal_mode).toBe("wal");
    expect(Number(synchronous)).toBe(2);
  });
});
