import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { CompiledQuery, Expression, SqlBool } from "kysely";
import { State } from "ts-fsrs";
import { db, kdb } from "@/lib/db";
import { dueBefore, inState, learning, queuedCards, queuedCardsOnly } from "@/lib/srs/card-queries";
import { isQueued } from "@/lib/srs/due";
import { getReviewState } from "@/lib/srs/review";
import { getLessons } from "@/lib/content/load";
import { getLessonProgress } from "@/lib/learn/progress";
import { addLessonToDeck } from "@/lib/srs/deck";
import { getNextLesson, nextLessonOf } from "@/lib/progress/summary";
import { makeUser } from "./helpers";

// What /review reads on each load, by the cheaper routes it takes, agrees with the full reads.

const RETIRED = `test-retired-${randomUUID().slice(0, 8)}`;
const RETIRED_REVIEW = `test-retired-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await db.card.deleteMany({ where: { catalogCardId: { in: [RETIRED, RETIRED_REVIEW] } } });
  await db.catalogCard.deleteMany({ where: { id: { in: [RETIRED, RETIRED_REVIEW] } } });
});

describe("the next lesson /review suggests", () => {
  it("is the first lesson neither quizzed nor in the deck, as the full lesson progress has it, whatever the learner holds", async () => {
    const lessons = getLessons();
    expect(lessons.length).toBeGreaterThanOrEqual(3);
    const u = await makeUser({ empty: true });
    const agrees = async () => {
      const next = await getNextLesson(u.id);
      expect(next).toEqual(nextLessonOf(await getLessonProgress(u.id)));
      return next?.slug ?? null;
    };
    // An empty deck: the first lesson.
    expect(await agrees()).toBe(lessons[0]!.slug);
    // The first lesson's cards in the deck: the second.
    await addLessonToDeck(u.id, lessons[0]!.slug);
    expect(await agrees()).toBe(lessons[1]!.slug);
    // The second's quiz taken, none of its cards in the deck: the third.
    await db.quizAttempt.create({ data: { userId: u.id, lessonSlug: lessons[1]!.slug, clientId: randomUUID(), score: 1, total: 5, answers: "[]" } });
    expect(await agrees()).toBe(lessons[2]!.slug);
    // A card of the third lesson that left the course does not count as holding it.
    await db.catalogCard.create({
      data: { id: RETIRED, lessonSlug: lessons[2]!.slug, topic: "retired", position: 99_999, contentHash: "x", retiredAt: new Date() },
    });
    await db.card.create({ data: { userId: u.id, catalogCardId: RETIRED, due: new Date() } });
    expect(await agrees()).toBe(lessons[2]!.slug);
    // Every lesson held: none.
    for (const l of lessons.slice(2)) await addLessonToDeck(u.id, l.slug);
    expect(await agrees()).toBeNull();
  });
});

describe("the next lesson's statement", () => {
  it("binds only the learner's id: the lessons are written into it, so that PostgreSQL's plan for the prepared statement knows each lesson's cards", async () => {
    const u = await makeUser({ empty: true });
    const run = vi.spyOn(kdb.getExecutor(), "executeQuery");
    let sent: CompiledQuery[];
    try {
      await getNextLesson(u.id);
      sent = run.mock.calls.map(([q]) => q);
    } finally {
      run.mockRestore();
    }
    const statement = sent.find((q) => q.sql.includes('"QuizAttempt"'));
    expect(statement).toBeDefined();
    expect(new Set(statement!.parameters)).toEqual(new Set([u.id]));
  });
});

describe("the queue's counts read without the catalogue rows", () => {
  it("count the same cards as the joined reading and as the cards one by one: retired, suspended and buried cards left out", async () => {
    const lessons = getLessons();
    const u = await makeUser({ empty: true });
    await addLessonToDeck(u.id, lessons[0]!.slug);
    await addLessonToDeck(u.id, lessons[1]!.slug);
    const now = new Date();
    const end = new Date(now.getTime() + 86_400_000);
    const cards = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    expect(cards.length).toBeGreaterThanOrEqual(6);
    // Every card a review due now, then one suspended, one buried until tomorrow, one whose
    // burial is over, one due after the cut-off and one in learning.
    await db.card.updateMany({
      where: { userId: u.id },
      data: { state: State.Review, due: new Date(now.getTime() - 60_000), lastReview: new Date(now.getTime() - 86_400_000) },
    });
    await db.card.update({ where: { id: cards[0]!.id }, data: { suspendedAt: now } });
    await db.card.update({ where: { id: cards[1]!.id }, data: { buriedUntil: end } });
    await db.card.update({ where: { id: cards[2]!.id }, data: { buriedUntil: new Date(now.getTime() - 1000) } });
    await db.card.update({ where: { id: cards[3]!.id }, data: { due: new Date(end.getTime() + 1000) } });
    await db.card.update({ where: { id: cards[4]!.id }, data: { state: State.Learning } });
    // A card of a catalogue card that left the course.
    await db.catalogCard.create({
      data: { id: RETIRED_REVIEW, lessonSlug: lessons[0]!.slug, topic: "retired", position: 99_998, contentHash: "x", retiredAt: now },
    });
    await db.card.create({
      data: { userId: u.id, catalogCardId: RETIRED_REVIEW, state: State.Review, due: new Date(now.getTime() - 60_000), lastReview: now },
    });

    const rules: [string, Expression<SqlBool>[], (c: { state: number; due: Date }) => boolean][] = [
      ["queued", [], () => true],
      ["reviews due", [inState(State.Review), dueBefore(end)], (c) => c.state === State.Review && c.due < end],
      ["learning due", [learning(), dueBefore(end)], (c) => (c.state === State.Learning || c.state === State.Relearning) && c.due < end],
    ];
    const oneByOne = await db.card.findMany({ where: { userId: u.id }, include: { catalogCard: true } });
    const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: string | number | bigint }> }) => Number((await q.executeTakeFirstOrThrow()).n);
    const alone = (filters: Expression<SqlBool>[]) =>
      n(filters.reduce((q, f) => q.where(f), queuedCardsOnly(kdb, u.id, now)).select((e) => e.fn.countAll().as("n")));
    const joined = (filters: Expression<SqlBool>[]) =>
      n(filters.reduce((q, f) => q.where(f), queuedCards(kdb, u.id, now)).select((e) => e.fn.countAll().as("n")));
    for (const [name, filters, keep] of rules) {
      const expected = oneByOne.filter((c) => c.catalogCard.retiredAt === null && isQueued(c, now) && keep(c)).length;
      expect({ name, n: await alone(filters) }).toEqual({ name, n: expected });
      expect({ name, n: await joined(filters) }).toEqual({ name, n: expected });
    }
    // The review queue's own counts agree.
    const state = await getReviewState(u.id, now);
    expect(state.counts.learning).toBe(
      oneByOne.filter((c) => c.catalogCard.retiredAt === null && isQueued(c, now) && c.state === State.Learning && c.due < end).length,
    );
  });
});
