import "server-only";
import { db } from "../db";
import { FieldError, UserError } from "../errors";
import { authenticate, WRONG_CREDENTIALS } from "../auth/accounts";
import type { DeleteAccountInput } from "./schema";

// Deleting needs the password again. It goes through the sign-in check, so wrong guesses
// are throttled like sign-in attempts. Then every row of the user goes in one transaction:
// the User delete cascades to cards, review logs, quiz attempts, parameter sets and
// optimiser jobs; sign-in attempts are keyed by email, so they are deleted explicitly.
// `input` is parsed by the action (deleteAccountSchema).
export async function deleteAccount(userId: string, { password }: DeleteAccountInput, ip = "unknown"): Promise<void> {
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
