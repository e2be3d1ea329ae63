"use server";
import { userAction } from "@/lib/action";
import { addLessonToDeck } from "@/lib/srs/deck";
import { rememberLessonSchema } from "@/lib/validation/quiz";

export const rememberLessonAction = userAction(rememberLessonSchema, "The lesson could not be added just now. Please try again.", async (user, input) =>
  addLessonToDeck(user.id, input.lessonSlug),
);
