import "server-only";
import { db } from "../db";
import { changePasswordSchema } from "../validation/auth";
import { FieldError } from "./accounts";
import { hashPassword, isCommonPassword, verifyPassword } from "./password";

// JWT sessions cannot be revoked one by one; every JWT carries the user's session version,
// and getSessionUser() refuses a JWT whose version is behind. Bumping it ends them all.
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function changePassword(userId: string, raw: unknown): Promise<void> {
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FieldError(String(issue.path[0] ?? "newPassword"), issue.message);
  }
  const { currentPassword, newPassword } = parsed.data;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new FieldError("currentPassword", "That is not your current password.");
  if (isCommonPassword(newPassword)) throw new FieldError("newPassword", "This password is one of the most common ones; choose another.");
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
}
