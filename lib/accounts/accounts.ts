import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { UserError } from "../errors";
import { signInSchema, signUpSchema } from "../validation/auth";
import { dummyHash, hashPassword, isCommonPassword, verifyPassword } from "./password";
import { retryAfter, THROTTLE } from "./throttle";
import { isUniqueViolation } from "../db-errors";

export class FieldError extends UserError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, 422);
  }
}

export async function createAccount(raw: unknown): Promise<{ id: string; email: string }> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FieldError(String(issue.path[0] ?? "email"), issue.message);
  }
  const { email, password, name, timeZone } = parsed.data;
  if (isCommonPassword(password)) throw new FieldError("password", "This password is one of the most common ones; choose another.");
  if (password.toLowerCase().includes(email.split("@")[0]!) && email.split("@")[0]!.length >= 4) {
    throw new FieldError("password", "Don't use your email address in your password.");
  }
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, passwordHash, name: name || null, timeZone }, select: { id: true, email: true } });
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new FieldError("email", "An account with this email already exists. Sign in instead.");
    }
    throw e;
  }
}

export const WRONG_CREDENTIALS = "Wrong email or password.";

function formatRetry(at: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${at.toISOString().slice(11, 16)} UTC).`;
}

async function failuresSince(where: Prisma.SignInAttemptWhereInput, now: Date) {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const lastSuccess = await db.signInAttempt.findFirst({ where: { ...where, success: true, createdAt: { gte: since } }, orderBy: { createdAt: "desc" } });
  const rows = await db.signInAttempt.findMany({
    where: { ...where, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "desc" },
    take: THROTTLE.perAddress,
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

export type SessionIdentity = { id: string; email: string; name: string | null; sessionVersion: number };

// Throws UserError with a message fit for the sign-in form; never says whether the email exists.
export async function authenticate(raw: unknown, ip: string, now = new Date()): Promise<SessionIdentity> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(WRONG_CREDENTIALS, 401);
  const { email, password } = parsed.data;

  const [byEmail, byAddress] = await Promise.all([failuresSince({ email }, now), failuresSince({ ip }, now)]);
  const lockedUntil = [retryAfter(byEmail, THROTTLE.perEmail, now), retryAfter(byAddress, THROTTLE.perAddress, now)]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (lockedUntil) throw new UserError(formatRetry(lockedUntil, now), 429);

  const user = await db.user.findUnique({ where: { email } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  await db.signInAttempt.create({ data: { email, ip, success: ok, createdAt: now } });
  if (!ok || !user) throw new UserError(WRONG_CREDENTIALS, 401);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
