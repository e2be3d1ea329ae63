import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLessons } from "@/lib/content/load";
import { getLessonProgress } from "@/lib/learn/progress";
import { addLessonToDeck } from "@/lib/srs/deck";
import { getNextLesson, nextLessonOf } from "@/lib/progress/summary";
import { makeUser } from "./helpers";

// What /review reads on each load, by the cheaper routes it takes, agrees with the full reads.

const RETIRED = `test-retired-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await db.card.deleteMany({ where: { catalogCardId: RETIRED } });
  await db.catalogCard.deleteMany({ where: { id: RETIRED } });
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
