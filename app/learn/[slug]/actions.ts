"use server";
import { requireApiUser } from "@/lib/auth";
import { UserError, type Result } from "@/lib/errors";
import { addLessonToDeck } from "@/lib/srs/deck";
import { rememberLessonSchema } from "@/lib/validation/quiz";

export type RememberResult = Result<{ added: number; total: number }>;

export async function rememberLessonAction(input: unknown): Promise<RememberResult> {
  try {
    const parsed = rememberLessonSchema.safeParse(input);
    if (!parsed.success) throw new UserError("No such lesson.", 400);
    const user = await requireApiUser();
    return { ok: true, ...(await addLessonToDeck(user.id, parsed.data.lessonSlug)) };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message };
    console.error(e);
    return { ok: false, error: "The lesson could not be added just now. Please try again." };
  }
}
