import "server-only";
import { db } from "../db";
import { UserError } from "../errors";
import { authenticate, WRONG_CREDENTIALS } from "../accounts/accounts";
import { deleteAccountSchema } from "./schema";

export type DeleteResult = { ok: true } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

// Deleting needs the password again. It goes through the sign-in check, so wrong guesses
// are throttled like sign-in attempts. Then every row of the user goes in one transaction:
// the User delete cascades to cards, review logs, quiz attempts, parameter sets and
// optimiser jobs; sign-in attempts are keyed by email, so they are deleted explicitly.
export async function deleteAccount(userId: string, raw: unknown, ip = "unknown"): Promise<DeleteResult> {
  const parsed = deleteAccountSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: "Enter your password to confirm.", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) return { ok: false, error: "This account no longer exists.", fieldErrors: {} };
  try {
    const who = await authenticate({ email: user.email, password: parsed.data.password }, ip);
    if (who.id !== user.id) throw new UserError(WRONG_CREDENTIALS, 401);
  } catch (e) {
    if (e instanceof UserError) {
      const message = e.status === 401 ? "That password is not right. Nothing was deleted." : `${e.message} Nothing was deleted.`;
      return { ok: false, error: message, fieldErrors: { password: [message] } };
    }
    throw e;
  }
  await db.$transaction([db.signInAttempt.deleteMany({ where: { email: user.email } }), db.user.delete({ where: { id: user.id } })]);
  return { ok: true };
}
