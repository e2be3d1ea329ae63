import "server-only";
import { db } from "../db";
import { FieldError, parseInput, UserError } from "../errors";
import { authenticate, WRONG_CREDENTIALS } from "../auth/accounts";
import { deleteAccountSchema } from "./schema";

// Deleting needs the password again. It goes through the sign-in check, so wrong guesses
// are throttled like sign-in attempts. Then every row of the user goes in one transaction:
// the User delete cascades to cards, review logs, quiz attempts, parameter sets and
// optimiser jobs; sign-in attempts are keyed by email, so they are deleted explicitly.
export async function deleteAccount(userId: string, raw: unknown, ip = "unknown"): Promise<void> {
  const { password } = parseInput(deleteAccountSchema, raw, "Enter your password to confirm.");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new UserError("This account no longer exists.", 404);
  try {
    const who = await authenticate({ email: user.email, password }, ip);
    if (who.id !== user.id) throw new UserError(WRONG_CREDENTIALS, 401);
  } catch (e) {
    if (e instanceof UserError)
      throw new FieldError("password", e.status === 401 ? "That password is not right. Nothing was deleted." : `${e.message} Nothing was deleted.`);
    throw e;
  }
  await db.$transaction([db.signInAttempt.deleteMany({ where: { email: user.email } }), db.user.delete({ where: { id: user.id } })]);
}
