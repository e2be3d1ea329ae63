import { z } from "zod";

const slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Malformed id");

// A lesson's quiz has at most 8 questions (lib/content/schema.ts).
export const QUIZ_MAX_ANSWERS = 8;

// Not strict: keys the server does not ask for (a score the client worked out, say) are
// dropped here and never read; the score comes from the content alone.
export const quizSubmissionSchema = z.object({
  lessonSlug: slug,
  clientId: z.string().uuid("clientId must be a UUID"),
  answers: z
    .array(z.object({ questionId: slug, chosen: z.string().min(1).max(200) }), { error: "answers must be a list of { questionId, chosen }" })
    .min(1, "Answer at least one question")
    .max(QUIZ_MAX_ANSWERS, `A quiz has at most ${QUIZ_MAX_ANSWERS} answers`),
});
export type QuizSubmission = z.infer<typeof quizSubmissionSchema>;

export const rememberLessonSchema = z.strictObject({ lessonSlug: slug });
