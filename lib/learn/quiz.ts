import "server-only";
import type { QuizAttempt } from "@prisma/client";
import { db } from "../db";
import { UserError } from "../errors";
import { getLesson } from "../content/load";
import type { Lesson } from "../content/schema";
import { bringCardForward } from "../srs/deck";
import type { QuizSubmission } from "../validation/quiz";
import { isUniqueViolation } from "../db/errors";

export type QuizAnswerResult = { questionId: string; chosen: string; correct: boolean; answer: string };
export type QuizResult = {
  attemptId: string | null;
  lessonSlug: string;
  score: number;
  total: number;
  answers: QuizAnswerResult[];
  stored: boolean;
  replay: boolean;
};
export type QuizAttemptSummary = { id: string; lessonSlug: string; score: number; total: number; createdAt: string };

type Checked = { lesson: Lesson; clientId: string; answers: QuizAnswerResult[]; score: number };

// Checks a submission (parsed by the action's schema) against the lesson's content and
// scores it from the content alone.
function checkSubmission({ lessonSlug, clientId, answers }: QuizSubmission): Checked {
  const lesson = getLesson(lessonSlug);
  if (!lesson) throw new UserError("No such lesson.", 404);

  const chosenById = new Map<string, string>();
  for (const a of answers) {
    const q = lesson.quiz.find((x) => x.id === a.questionId);
    if (!q) throw new UserError(`Unknown question "${a.questionId}" for this lesson.`, 400);
    if (chosenById.has(a.questionId)) throw new UserError(`Question "${a.questionId}" is answered twice.`, 400);
    if (!q.choices.includes(a.chosen)) throw new UserError(`The answer to "${a.questionId}" is not one of its choices.`, 400);
    chosenById.set(a.questionId, a.chosen);
  }
  if (chosenById.size !== lesson.quiz.length) throw new UserError("Answer every question before the quiz is scored.", 400);

  const results = lesson.quiz.map((q) => {
    const chosen = chosenById.get(q.id)!;
    return { questionId: q.id, chosen, correct: chosen === q.answer, answer: q.answer };
  });
  return { lesson, clientId, answers: results, score: results.filter((r) => r.correct).length };
}

function resultOf(attempt: QuizAttempt, replay: boolean): QuizResult {
  const lesson = getLesson(attempt.lessonSlug);
  const stored = JSON.parse(attempt.answers) as { questionId: string; chosen: string; correct: boolean }[];
  return {
    attemptId: attempt.id,
    lessonSlug: attempt.lessonSlug,
    score: attempt.score,
    total: attempt.total,
    answers: stored.map((a) => ({ ...a, answer: lesson?.quiz.find((q) => q.id === a.questionId)?.answer ?? "" })),
    stored: true,
    replay,
  };
}

// A guest's quiz: the same validation and scoring, nothing stored.
export function scoreQuiz(submission: QuizSubmission): QuizResult {
  const { lesson, answers, score } = checkSubmission(submission);
  return { attemptId: null, lessonSlug: lesson.slug, score, total: lesson.quiz.length, answers, stored: false, replay: false };
}

const findAttempt = (userId: string, clientId: string) => db.quizAttempt.findUnique({ where: { userId_clientId: { userId, clientId } } });

// Stores the attempt and, in the same transaction, brings each missed question's card
// forward in the deck. A repeated clientId answers with the first result and writes nothing.
export async function submitQuiz(userId: string, submission: QuizSubmission, now = new Date()): Promise<QuizResult> {
  const { lesson, clientId, answers, score } = checkSubmission(submission);
  const prior = await findAttempt(userId, clientId);
  if (prior) return resultOf(prior, true);
  try {
    return await db.$transaction(async (tx) => {
      const replayed = await tx.quizAttempt.findUnique({ where: { userId_clientId: { userId, clientId } } });
      if (replayed) return resultOf(replayed, true);
      const attempt = await tx.quizAttempt.create({
        data: {
          userId,
          lessonSlug: lesson.slug,
          clientId,
          score,
          total: lesson.quiz.length,
          answers: JSON.stringify(answers.map(({ questionId, chosen, correct }) => ({ questionId, chosen, correct }))),
          createdAt: now,
        },
      });
      // Each card moved goes ahead of the last, so walking backwards leaves the first miss first.
      const missed = answers.filter((a) => !a.correct).reverse();
      for (const a of missed) {
        const card = lesson.quiz.find((q) => q.id === a.questionId)!.card;
        await bringCardForward(tx, userId, card, now);
      }
      return resultOf(attempt, false);
    });
  } catch (e) {
    // Two copies of one submission raced past the check above; the unique index let one in.
    if (isUniqueViolation(e)) {
      const first = await findAttempt(userId, clientId);
      if (first) return resultOf(first, true);
    }
    throw e;
  }
}

export async function listQuizAttempts(userId: string, lessonSlug?: string): Promise<QuizAttemptSummary[]> {
  const rows = await db.quizAttempt.findMany({
    where: { userId, ...(lessonSlug ? { lessonSlug } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, lessonSlug: true, score: true, total: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
