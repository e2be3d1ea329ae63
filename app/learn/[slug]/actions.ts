"use server";
import { userAction } from "@/lib/action";
import { addLessonToDeck } from "@/lib/srs/deck";
import { markLessonRead } from "@/lib/learn/mastery";
import { rememberLessonSchema } from "@/lib/validation/quiz";

// Also says the learner's daily new-card limit, which decides how soon the new cards come up.
export const rememberLessonAction = userAction(rememberLessonSchema, "The lesson could not be added just now. Please try again.", async (user, input) => ({
  ...(await addLessonToDeck(user.id, input.lessonSlug)),
  newPerDay: user.settings?.newCardsPerDay,
}));

export const markLessonReadAction = userAction(rememberLessonSchema, "The lesson could not be marked as read just now.", async (user, input) =>
  markLessonRead(user.id, input.lessonSlug),
);
