import "server-only";
import { db } from "../db";

// How the learner grades on /review: with the four FSRS grades, or with two buttons,
// "Forgot" and "Remembered", graded Again and Good (docs/using.md). Stored per user, set with
// the other settings (lib/validation/settings.ts).
export async function getTwoButtonGrading(userId: string): Promise<boolean> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { twoButtonGrading: true } });
  return u?.twoButtonGrading ?? false;
}
