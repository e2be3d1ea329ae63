import { describe, expect, it } from "vitest";
import { type Card as FsrsCard, Rating, State, fsrs, generatorParameters, type Grade } from "ts-fsrs";
import { db } from "@/lib/db";
import { getLessons } from "@/lib/content/load";
import { addLessonToDeck } from "@/lib/srs/deck";
import { getOfflineSnapshot, getReviewState, gradeReview } from "@/lib/srs/review";
import { getTodayCheckIn, recordCheckIn, undoPostponement } from "@/lib/srs/bad-day";
import { DEFAULT_SESSION_CARDS } from "@/lib/srs/bad-day/plan";
import { applyReschedule } from "@/lib/srs/reschedule";
import { SAFETY_MAX_INTERVAL_DAYS, SAFETY_RETENTION } from "@/lib/srs/safety";
import { getDashboard } from "@/lib/progress/queries";
import { studyDayBounds } from "@/lib/srs/day";
import { checkInSchema } from "@/lib/validation/check-in";
import { grade, makeUser, viaAction } from "./helpers";

const DAY = 86_400_000;
const NOW = new Date("2026-04-15T12:00:00Z");
const UTC = { timeZone: "UTC", rolloverHour: 4 };
const TOMORROW = studyDayBounds(NOW, UTC).end;

const lessonOf = (n: number) => getLessons().find((l) => l.order === n)!;

// A user with these lessons in the deck (by default 1, 2, 4 and 5), every card a review due before NOW (the
// card's position sets its due date and its stability, so recall drops differ), no new cards.
async function dueDeck(lessons = [1, 2, 4, 5]) {
  const u = await makeUser({ empty: true });
  for (const n of lessons) await addLessonToDeck(u.id, lessonOf(n).slug, new Date(NOW.getTime() - 30 * DAY));
  const cards = await db.card.findMany({ where: { userId: u.id }, include: { catalogCard: true }, orderBy: { catalogCard: { position: "asc" } } });
  for (const [i, c] of cards.entries()) {
    await db.card.update({
      where: { id: c.id },
      data: {
        state: State.Review,
        due: new Date(NOW.getTime() - DAY - i * 60_000),
        stability: 2 + (i % 7) * 3,
        difficulty: 5,
        lastReview: new Date(NOW.getTime() - 5 * DAY),
        reps: 3,
        lapses: 1,
        scheduledDays: 4,
      },
    });
  }
  await db.user.update({ where: { id: u.id }, data: { newCardsPerDay: 5 } });
  return { u, cards };
}

async function walkQueue(userId: string, now = NOW) {
  const seen: string[] = [];
  for (let i = 0; i < 200; i++) {
    const s = await getReviewState(userId, now);
    if (!s.card) break;
    seen.push(s.card.cardId);
    await gradeReview(userId, grade(s.card.cardId, s.card.version, Rating.Good), now);
  }
  return seen;
}

describe("the daily check-in", () => {
  it("is asked once a study day: a skipped or answered check-in is kept and a second answer changes nothing", async () => {
    const { u } = await dueDeck();
    expect(await getTodayCheckIn(u.id, NOW)).toBeNull();
    const skipped = await recordCheckIn(u.id, { skip: true }, NOW);
    expect(skipped).toMatchObject({ skipped: true, badDay: false, postponed: 0 });
    const again = await recordCheckIn(u.id, { skip: false, score: 9, flare: true }, NOW);
    expect(again).toMatchObject({ skipped: true, badDay: false });
    expect(await db.card.count({ where: { userId: u.id, due: { gte: TOMORROW } } })).toBe(0);
    // The next study day asks again.
    expect(await getTodayCheckIn(u.id, new Date(NOW.getTime() + DAY))).toBeNull();
  });

  it("refuses a score outside 0 to 10 and stores nothing", async () => {
    const { u } = await dueDeck();
    // As the action does: its schema first, then the answer.
    const checkIn = async (input: unknown) => recordCheckIn(u.id, viaAction(checkInSchema, input), NOW);
    await expect(checkIn({ skip: false, score: 11, flare: false })).rejects.toThrow("Choose a number from 0 to 10");
    await expect(checkIn({ skip: false, score: null, flare: false })).rejects.toThrow("Choose a number from 0 to 10, or say you are in a flare");
    expect(await getTodayCheckIn(u.id, NOW)).toBeNull();
  });

  it("leaves an ordinary day's session alone", async () => {
    const { u, cards } = await dueDeck();
    await addLessonToDeck(u.id, lessonOf(3).slug, NOW);
    const c = await recordCheckIn(u.id, { skip: false, score: 4, flare: false }, NOW);
    expect(c).toMatchObject({ badDay: false, postponed: 0, score: 4 });
    const s = await getReviewState(u.id, NOW);
    expect(s.counts.review).toBe(cards.length);
    expect(s.counts.new).toBeGreaterThan(0);
  });
});

describe("a bad-day session", () => {
  it("keeps about two minutes of cards, the due safety cards first, then the quick-relief cards, and no new cards", async () => {
    const all = await dueDeck();
    const u = all.u;
    // Three safety cards left, so that the quick-relief cards come next within the eight places.
    const extra = all.cards
      .filter((c) => c.catalogCard.safety)
      .slice(3)
      .map((c) => c.id);
    await db.card.deleteMany({ where: { id: { in: extra } } });
    const cards = all.cards.filter((c) => !extra.includes(c.id));
    // New cards waiting too (lesson 3): a bad day offers none of them.
    await addLessonToDeck(u.id, lessonOf(3).slug, NOW);
    const safety = cards.filter((c) => c.catalogCard.safety).map((c) => c.id);
    const quick = cards.filter((c) => c.catalogCard.quickRelief).map((c) => c.id);
    expect(safety.length).toBeGreaterThan(0);
    expect(quick.length).toBeGreaterThan(0);
    const c = await recordCheckIn(u.id, { skip: false, score: 8, flare: false }, NOW);
    // No answer times yet: the default session size.
    expect(c).toMatchObject({ badDay: true, sessionCards: DEFAULT_SESSION_CARDS, postponed: cards.length - DEFAULT_SESSION_CARDS });
    const s = await getReviewState(u.id, NOW);
    expect(s.counts).toMatchObject({ new: 0, review: DEFAULT_SESSION_CARDS });
    // The offline copy of the day holds the same short session, its safety cards marked.
    const snap = await getOfflineSnapshot(u.id, NOW);
    expect(snap.cards).toHaveLength(DEFAULT_SESSION_CARDS);
    expect(
      snap.cards
        .filter((c) => c.safety)
        .map((c) => c.cardId)
        .sort(),
    ).toEqual([...safety].sort());
    const seen = await walkQueue(u.id);
    expect(seen).toHaveLength(DEFAULT_SESSION_CARDS);
    const kinds = seen.map((id) => (safety.includes(id) ? "safety" : quick.includes(id) ? "quick" : "other"));
    expect(kinds).toEqual(["safety", "safety", "safety", "quick", "quick", "quick", "quick", "quick"]);
  });

  it("sizes the session from the learner's usual answer time", async () => {
    const { u, cards } = await dueDeck();
    // Thirty-second answers: four cards in two minutes.
    const card = cards[0]!;
    for (let i = 0; i < 5; i++) {
      await db.reviewLog.create({
        data: {
          userId: u.id,
          cardId: card.id,
          clientId: `t-${i}`,
          rating: Rating.Good,
          state: State.Review,
          due: NOW,
          stability: 1,
          difficulty: 5,
          elapsedDays: 0,
          lastElapsedDays: 0,
          scheduledDays: 0,
          learningSteps: 0,
          review: new Date(NOW.getTime() - (10 + i) * DAY),
          durationMs: 30_000,
          reviewDay: 0,
          prevDue: NOW,
          prevElapsedDays: 0,
          prevReps: 0,
          prevLapses: 0,
          prevVersion: 0,
          nextState: 2,
          nextDue: NOW,
          nextScheduledDays: 1,
          nextStability: 1,
          nextVersion: 1,
        },
      });
    }
    expect(await recordCheckIn(u.id, { skip: false, score: null, flare: true }, NOW)).toMatchObject({ badDay: true, sessionCards: 4 });
  });

  it("postpones to the next study day the cards whose recall drops least by waiting, as one manual event each", async () => {
    // Lessons with few safety cards and no quick-relief cards: beyond those, the choice is by damage alone.
    const { u, cards } = await dueDeck([1, 3]);
    const c = await recordCheckIn(u.id, { skip: false, score: 7, flare: false }, NOW);
    const after = await db.card.findMany({ where: { userId: u.id }, include: { catalogCard: true } });
    const moved = after.filter((x) => x.due.getTime() === TOMORROW.getTime());
    expect(moved).toHaveLength(c.postponed);
    const kept = after.filter((x) => x.due < TOMORROW);
    // Among the ordinary cards, every postponed one loses less recall by waiting than every
    // kept one: with one last review for all, that is the more stable ones.
    const ordinaryKept = kept.filter((x) => !x.catalogCard.safety && !x.catalogCard.quickRelief);
    const ordinaryMoved = moved.filter((x) => !x.catalogCard.safety && !x.catalogCard.quickRelief);
    // The session holds DEFAULT_SESSION_CARDS cards: any safety card of these lessons first, then the ordinary ones.
    expect(kept).toHaveLength(DEFAULT_SESSION_CARDS);
    expect(ordinaryKept.length).toBeGreaterThan(0);
    expect(moved.every((x) => !x.catalogCard.safety)).toBe(true);
    expect(Math.min(...ordinaryMoved.map((x) => x.stability))).toBeGreaterThanOrEqual(Math.max(...ordinaryKept.map((x) => x.stability)));
    const events = await db.cardEvent.findMany({ where: { userId: u.id } });
    expect(events).toHaveLength(c.postponed);
    expect(new Set(events.map((e) => e.batchId))).toEqual(new Set([c.batchId]));
    expect(events.every((e) => e.kind === "postpone")).toBe(true);
    // A postponement is not a review.
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(0);
    // Tomorrow they are due again.
    expect((await getReviewState(u.id, new Date(TOMORROW.getTime() + 60_000))).counts.review).toBe(cards.length);
    void cards;
  });

  it("undoes the postponement in one step: every postponed card gets its due date back", async () => {
    const { u, cards } = await dueDeck();
    const before = new Map((await db.card.findMany({ where: { userId: u.id } })).map((c) => [c.id, c.due.getTime()]));
    await recordCheckIn(u.id, { skip: false, score: 10, flare: true }, NOW);
    const r = await undoPostponement(u.id, NOW);
    expect(r.skipped).toBe(0);
    expect(r.restored).toBe(cards.length - DEFAULT_SESSION_CARDS);
    const after = await db.card.findMany({ where: { userId: u.id } });
    for (const c of after) expect(c.due.getTime()).toBe(before.get(c.id));
    expect(await getTodayCheckIn(u.id, NOW)).toMatchObject({ badDay: true, postponed: 0, postponedAtFirst: cards.length - DEFAULT_SESSION_CARDS });
    expect((await getReviewState(u.id, NOW)).counts.review).toBe(cards.length);
    // Undoing twice changes nothing more.
    expect(await undoPostponement(u.id, NOW)).toEqual({ restored: 0, skipped: 0 });
  });
});

// ts-fsrs called directly with the safety parameters: the oracle for every scheduling path.
const safetyFsrs = fsrs(
  generatorParameters({ request_retention: SAFETY_RETENTION, maximum_interval: SAFETY_MAX_INTERVAL_DAYS, enable_fuzz: false, enable_short_term: true }),
);
const plainFsrs = fsrs(generatorParameters({ request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false, enable_short_term: true }));

const asFsrs = (c: {
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}): FsrsCard => ({
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  elapsed_days: c.elapsedDays,
  scheduled_days: c.scheduledDays,
  learning_steps: c.learningSteps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  last_review: c.lastReview ?? undefined,
});

describe("safety cards", () => {
  async function oneOfEach(stability: number) {
    const { u, cards } = await dueDeck();
    await db.user.update({ where: { id: u.id }, data: { enableFuzz: false } });
    // Review state, last reviewed 40 days ago at noon: well-remembered cards.
    const lastReview = new Date(NOW.getTime() - 40 * DAY);
    for (const c of cards) await db.card.update({ where: { id: c.id }, data: { stability, difficulty: 4, lastReview, due: new Date(NOW.getTime() - DAY) } });
    const safety = cards.find((c) => c.catalogCard.safety)!;
    const plain = cards.find((c) => !c.catalogCard.safety && !c.catalogCard.quickRelief)!;
    return { u, safety: await db.card.findUniqueOrThrow({ where: { id: safety.id } }), plain: await db.card.findUniqueOrThrow({ where: { id: plain.id } }) };
  }

  it("are scheduled at 95% desired retention with a 90-day maximum interval, as ts-fsrs gives with those parameters", async () => {
    const { u, safety, plain } = await oneOfEach(60);
    const expectedSafety = safetyFsrs.next(asFsrs(safety), NOW, Rating.Easy).card;
    const expectedPlain = plainFsrs.next(asFsrs(plain), NOW, Rating.Easy).card;
    await gradeReview(u.id, grade(safety.id, safety.version, Rating.Easy), NOW);
    await gradeReview(u.id, grade(plain.id, plain.version, Rating.Easy), NOW);
    const s = await db.card.findUniqueOrThrow({ where: { id: safety.id } });
    const p = await db.card.findUniqueOrThrow({ where: { id: plain.id } });
    expect(s.scheduledDays).toBe(expectedSafety.scheduled_days);
    expect(s.due.getTime()).toBe(expectedSafety.due.getTime());
    expect(s.scheduledDays).toBeLessThanOrEqual(SAFETY_MAX_INTERVAL_DAYS);
    expect(p.scheduledDays).toBe(expectedPlain.scheduled_days);
    expect(p.scheduledDays).toBeGreaterThan(SAFETY_MAX_INTERVAL_DAYS);
  });

  it("show the safety intervals on their grade buttons, and come first in the queue when due", async () => {
    const { u } = await oneOfEach(3);
    const s = await getReviewState(u.id, NOW);
    const safety = await db.card.findUniqueOrThrow({ where: { id: s.card!.cardId }, include: { catalogCard: true } });
    expect(safety.catalogCard.safety).toBe(true);
    const preview = safetyFsrs.repeat(asFsrs(safety), NOW);
    for (const i of s.card!.intervals) expect(new Date(i.due).getTime()).toBe(preview[i.rating as Grade].card.due.getTime());
  });

  it("keep the safety parameters when cards are rescheduled", async () => {
    const { u, safety } = await oneOfEach(60);
    await gradeReview(u.id, grade(safety.id, safety.version, Rating.Easy), NOW);
    const graded = await db.card.findUniqueOrThrow({ where: { id: safety.id } });
    // Rescheduling from the history (one Easy from New) with the same parameters: a safety card
    // replays with the safety scheduler, so its interval stays within the cap.
    await applyReschedule(u.id, new Date(NOW.getTime() + 60_000));
    const after = await db.card.findUniqueOrThrow({ where: { id: safety.id } });
    expect(after.scheduledDays).toBeLessThanOrEqual(SAFETY_MAX_INTERVAL_DAYS);
    const empty = asFsrs({
      ...graded,
      due: NOW,
      state: State.New,
      stability: 0,
      difficulty: 0,
      reps: 0,
      lapses: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      lastReview: null,
    });
    const fromNew = safetyFsrs.next(empty, NOW, Rating.Easy).card;
    expect(after.due.getTime()).toBe(fromNew.due.getTime());
    expect(after.due.getTime()).not.toBe(plainFsrs.next(empty, NOW, Rating.Easy).card.due.getTime());
  });

  it("are flagged but never suspended by the leech rule", async () => {
    const { u, safety, plain } = await oneOfEach(3);
    await db.user.update({ where: { id: u.id }, data: { leechThreshold: 2, leechAction: "suspend" } });
    for (const c of [safety, plain]) {
      let t = NOW.getTime();
      for (let lapse = 0; lapse < 2; lapse++) {
        const cur = await db.card.findUniqueOrThrow({ where: { id: c.id } });
        await db.card.update({ where: { id: c.id }, data: { state: State.Review, due: new Date(t) } });
        await gradeReview(u.id, grade(c.id, cur.version, Rating.Again), new Date(t));
        t += DAY;
      }
    }
    const s = await db.card.findUniqueOrThrow({ where: { id: safety.id } });
    const p = await db.card.findUniqueOrThrow({ where: { id: plain.id } });
    expect(s).toMatchObject({ leech: true, suspendedAt: null });
    expect(p.leech).toBe(true);
    expect(p.suspendedAt).not.toBeNull();
  });

  it("give progress the share of the warning signs the learner would recall today", async () => {
    const { u, safety } = await oneOfEach(10);
    const all = await db.card.findMany({ where: { userId: u.id, catalogCard: { safety: true } } });
    const expected = all.reduce((sum, c) => sum + plainFsrs.get_retrievability(asFsrs(c), NOW, false), 0) / all.length;
    const d = await getDashboard(u.id, NOW);
    expect(d.safetyRecall.studied).toBe(all.length);
    expect(d.safetyRecall.meanRecall).toBeCloseTo(expected, 6);
    void safety;
  });
});
