"use server";
import { guestAction } from "@/lib/action";
import { scoreQuiz, submitQuiz } from "@/lib/learn/quiz";
import { quizSubmissionSchema } from "@/lib/validation/quiz";

// Signed in: scored, stored and fed to the deck. A guest gets the same server-side score, unstored.
export const submitQuizAction = guestAction(quizSubmissionSchema, "Your answers could not be scored just now. Please try again.", async (input, user) => ({
  result: user ? await submitQuiz(user.id, input) : scoreQuiz(input),
}));
