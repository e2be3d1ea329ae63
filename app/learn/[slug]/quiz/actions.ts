"use server";
import { getSessionUser } from "@/lib/auth";
import { UserError, type Result } from "@/lib/errors";
import { scoreQuiz, submitQuiz, type QuizResult } from "@/lib/learn/quiz";

export type QuizActionResult = Result<{ result: QuizResult }>;

// Signed in: scored, stored and fed to the deck. A guest gets the same server-side score, unstored.
export async function submitQuizAction(input: unknown): Promise<QuizActionResult> {
  try {
    const user = await getSessionUser();
    return { ok: true, result: user ? await submitQuiz(user.id, input) : scoreQuiz(input) };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message };
    console.error(e);
    return { ok: false, error: "Your answers could not be scored just now. Please try again." };
  }
}
