import "server-only";
import { db } from "../db";
import type { changePasswordSchema } from "./schema";
import type { z } from "zod";
import { FieldError } from "../errors";
import { checkNewPassword } from "./accounts";
import { hashPassword, verifyPassword } from "./password";

// JWT sessions cannot be revoked one by one; every JWT carries the user's session version,
// and getSessionUser() refuses a JWT whose version is behind. Bumping it ends them all.
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

// `input` is parsed by the action (changePasswordSchema).
export async function changePassword(userId: string, { currentPassword, newPassword }: z.output<typeof changePasswordSchema>): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new FieldError("currentPassword", "That is not your current password.");
  checkNewPassword(newPassword, user.email, user.name, "newPassword");
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
}
