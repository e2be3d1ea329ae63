import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { getLesson } from "@/lib/content/load";
import type { Lesson } from "@/lib/content/schema";
import { cardView } from "@/lib/content/catalogue";
import { listQuizAttempts, scoreQuiz, submitQuiz } from "@/lib/learn/quiz";
import { getLessonProgress } from "@/lib/learn/progress";
import { addLessonToDeck } from "@/lib/srs/deck";
import { getReviewState, gradeReview } from "@/lib/srs/review";
import { quizSubmissionSchema } from "@/lib/validation/quiz";
import { grade, makeUser, viaAction } from "./helpers";
import { State, Rating } from "ts-fsrs";

const LESSON = getLesson("cold-and-heat")!;

const wrongChoice = (q: Lesson["quiz"][number]) => q.choices.find((c) => c !== q.answer)!;

// Answers every question right except those listed.
function submission(lesson: Lesson, wrong: string[] = [], extra: Record<string, unknown> = {}) {
  return {
    lessonSlug: lesson.slug,
    clientId: randomUUID(),
    answers: lesson.quiz.map((q) => ({ questionId: q.id, chosen: wrong.includes(q.id) ? wrongChoice(q) : q.answer })),
    ...extra,
  };
}

const userCard = (userId: string, catalogCardId: string) => db.card.findUnique({ where: { userId_catalogCardId: { userId, catalogCardId } } });

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("scoring a quiz", () => {
  it("scores on the server from the content and ignores any score the client sends", async () => {
    const u = await makeUser();
    const input = submission(
      LESSON,
      LESSON.quiz.map((q) => q.id),
      { score: LESSON.quiz.length, total: LESSON.quiz.length },
    );
    const tampered = { ...input, answers: input.answers.map((a) => ({ ...a, correct: true })) };
    const r = await submitQuiz(u.id, viaAction(quizSubmissionSchema, tampered));
    expect(r).toMatchObject({ score: 0, total: LESSON.quiz.length, stored: true, replay: false });
    expect(r.answers.every((a) => !a.correct)).toBe(true);
    const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: r.attemptId! } });
    expect(stored).toMatchObject({ userId: u.id, lessonSlug: LESSON.slug, score: 0, total: LESSON.quiz.length });
  });

  it("counts each right answer once", async () => {
    const u = await makeUser();
    const wrong = [LESSON.quiz[1]!.id, LESSON.quiz[4]!.id];
    const r = await submitQuiz(u.id, submission(LESSON, wrong));
    expect(r.score).toBe(LESSON.quiz.length - 2);
    expect(r.answers.filter((a) => !a.correct).map((a) => a.questionId)).toEqual(wrong);
  });

  it("scores a guest's quiz the same way and stores nothing", async () => {
    const attempts = await db.quizAttempt.count();
    const r = scoreQuiz(submission(LESSON, [LESSON.quiz[0]!.id]));
    expect(r).toMatchObject({ score: LESSON.quiz.length - 1, stored: false, attemptId: null });
    expect(await db.quizAttempt.count()).toBe(attempts);
  });
});

describe("a wrong answer feeds the review deck", () => {
  it("adds a missed card that was not in the deck as new, first in the new-card queue", async () => {
    const u = await makeUser(); // has remembered the first lesson: its cards, all new
    const q = LESSON.quiz[2]!;
    expect(await userCard(u.id, q.card)).toBeNull();
    const now = later(60);
    await submitQuiz(u.id, submission(LESSON, [q.id]), now);

    const card = await userCard(u.id, q.card);
    expect(card).toMatchObject({ state: State.New, reps: 0 });
    const state = await getReviewState(u.id, now);
    expect(state.card?.cardId).toBe(card!.id);
    expect(state.card?.prompt).toBe(cardView(q.card)!.prompt);
    expect(state.counts.new).toBe(10); // still within the daily new-card limit
  });

  it("puts the first missed question's card first when several are missed", async () => {
    const u = await makeUser();
    const [a, b] = [LESSON.quiz[3]!, LESSON.quiz[5]!];
    const now = later(60);
    await submitQuiz(u.id, submission(LESSON, [a.id, b.id]), now);
    const first = await getReviewState(u.id, now);
    expect(first.card?.cardId).toBe((await userCard(u.id, a.card))!.id);
    await gradeReview(u.id, grade(first.card!.cardId, first.card!.version, Rating.Easy), now);
    const second = await getReviewState(u.id, new Date(now.getTime() + 1000));
    expect(second.card?.cardId).toBe((await userCard(u.id, b.card))!.id);
  });

  it("moves a missed card that is in the deck but still new ahead of the other new cards", async () => {
    const u = await makeUser();
    await addLessonToDeck(u.id, LESSON.slug, later(1));
    const q = LESSON.quiz[6]!;
    const now = later(60);
    await submitQuiz(u.id, submission(LESSON, [q.id]), now);
    expect((await getReviewState(u.id, now)).card?.cardId).toBe((await userCard(u.id, q.card))!.id);
  });

  it("makes a missed card that is already being reviewed due now, keeping its history", async () => {
    const u = await makeUser();
    const t0 = later(1);
    await addLessonToDeck(u.id, LESSON.slug, t0);
    const q = LESSON.quiz[0]!;
    const before = (await userCard(u.id, q.card))!;
    await gradeReview(u.id, grade(before.id, before.version, Rating.Easy), t0); // Easy: due in days
    const reviewed = (await userCard(u.id, q.card))!;
    expect(reviewed.state).toBe(State.Review);
    expect(reviewed.due.getTime()).toBeGreaterThan(t0.getTime() + 86_400_000);

    const now = new Date(t0.getTime() + 3_600_000);
    await submitQuiz(u.id, submission(LESSON, [q.id]), now);
    const after = (await userCard(u.id, q.card))!;
    expect(after.due.getTime()).toBe(now.getTime());
    expect({ ...after, due: reviewed.due, version: reviewed.version }).toEqual(reviewed);
    expect(await db.reviewLog.count({ where: { cardId: after.id } })).toBe(1);
    expect((await getReviewState(u.id, now)).card?.cardId).toBe(after.id);
  });

  it("leaves the deck alone when every answer is right", async () => {
    const u = await makeUser();
    const before = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    await submitQuiz(u.id, submission(LESSON));
    expect(await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("storing an attempt", () => {
  it("stores a repeated submission once and answers it with the first result", async () => {
    const u = await makeUser();
    const input = submission(LESSON, [LESSON.quiz[1]!.id]);
    const first = await submitQuiz(u.id, input);
    const again = await submitQuiz(u.id, input);
    expect(again).toEqual({ ...first, replay: true });
    const raced = await Promise.all(Array.from({ length: 4 }, () => submitQuiz(u.id, input)));
    expect(new Set(raced.map((r) => r.attemptId))).toEqual(new Set([first.attemptId]));
    expect(await db.quizAttempt.count({ where: { userId: u.id } })).toBe(1);
  });

  const q0 = LESSON.quiz[0]!;
  it.each([
    ["an unknown lesson", () => submission(LESSON, [], { lessonSlug: "no-such-lesson" }), 404],
    [
      "an unknown question id",
      () => ({ ...submission(LESSON), answers: [...submission(LESSON).answers.slice(1), { questionId: "no-such-question", chosen: "x" }] }),
      400,
    ],
    ["too many answers", () => ({ ...submission(LESSON), answers: Array.from({ length: 9 }, () => ({ questionId: q0.id, chosen: q0.answer })) }), 422],
    [
      "a question answered twice",
      () => ({ ...submission(LESSON), answers: [...submission(LESSON).answers.slice(1), { questionId: LESSON.quiz[1]!.id, chosen: q0.answer }] }),
      400,
    ],
    ["a question left out", () => ({ ...submission(LESSON), answers: submission(LESSON).answers.slice(1) }), 400],
    [
      "a choice that is not offered",
      () => ({ ...submission(LESSON), answers: [{ questionId: q0.id, chosen: "none of these" }, ...submission(LESSON).answers.slice(1)] }),
      400,
    ],
    [
      "a chosen answer of the wrong type",
      () => ({ ...submission(LESSON), answers: [{ questionId: q0.id, chosen: 2 }, ...submission(LESSON).answers.slice(1)] }),
      422,
    ],
    ["answers that are not a list", () => ({ ...submission(LESSON), answers: "all right" }), 422],
    ["a malformed client id", () => submission(LESSON, [], { clientId: "not-a-uuid" }), 422],
    ["a huge lesson slug", () => submission(LESSON, [], { lessonSlug: "a".repeat(10_000) }), 422],
  ])("refuses %s with a clear error and writes nothing", async (_, make, status) => {
    const u = await makeUser();
    const cards = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    // The action's schema (422, the form's own messages) or the lesson's content (400, 404).
    const p = (async () => submitQuiz(u.id, viaAction(quizSubmissionSchema, make())))();
    await expect(p).rejects.toBeInstanceOf(UserError);
    await expect(p).rejects.toMatchObject({ status, message: expect.stringMatching(/\w{4,}/) });
    expect(await db.quizAttempt.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } })).toEqual(cards);
  });

  it("names the unknown question in its error", async () => {
    const u = await makeUser();
    const input = { ...submission(LESSON), answers: [{ questionId: "no-such-question", chosen: "x" }] };
    await expect(submitQuiz(u.id, input)).rejects.toThrow(/Unknown question "no-such-question"/);
  });
});

describe("whose attempts are whose", () => {
  it("keeps one user's attempts and progress out of another's", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const input = submission(LESSON, [LESSON.quiz[0]!.id]);
    const mine = await submitQuiz(a.id, input);
    expect(await listQuizAttempts(b.id)).toEqual([]);
    expect(await listQuizAttempts(b.id, LESSON.slug)).toEqual([]);
    expect((await getLessonProgress(b.id))[LESSON.slug]).toMatchObject({ done: false, attempts: 0, best: null, latest: null });
    // The same client id from another account is that account's own, new attempt.
    const theirs = await submitQuiz(b.id, { ...input, answers: submission(LESSON).answers });
    expect(theirs).toMatchObject({ replay: false, score: LESSON.quiz.length });
    expect(theirs.attemptId).not.toBe(mine.attemptId);
    expect((await listQuizAttempts(a.id)).map((x) => x.id)).toEqual([mine.attemptId]);
  });
});

describe("lesson progress", () => {
  it("reports cards in the deck, attempts, the best and the latest score per lesson", async () => {
    const u = await makeUser();
    const t = Date.now();
    const p0 = await getLessonProgress(u.id);
    const causes = getLesson("causes")!.cards.length; // a new user's deck holds the first lesson
    expect(p0["causes"]).toMatchObject({ cardsInDeck: causes, cardsTotal: causes, done: false });
    expect(p0[LESSON.slug]).toMatchObject({ cardsInDeck: 0, cardsTotal: LESSON.cards.length, done: false });

    const n = LESSON.quiz.length;
    await submitQuiz(u.id, submission(LESSON, [LESSON.quiz[0]!.id, LESSON.quiz[1]!.id]), new Date(t));
    await submitQuiz(u.id, submission(LESSON, []), new Date(t + 1000));
    await submitQuiz(u.id, submission(LESSON, [LESSON.quiz[2]!.id]), new Date(t + 2000));
    const p = (await getLessonProgress(u.id))[LESSON.slug]!;
    expect(p).toMatchObject({ attempts: 3, done: true, best: { score: n, total: n }, latest: { score: n - 1, total: n } });
    expect(p.cardsInDeck).toBe(3); // the three missed questions' cards
  });
});
