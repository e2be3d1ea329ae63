import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { FieldError, UserError } from "../errors";
import type { Credentials, NewAccount } from "./schema";
import { dummyHash, hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-strength";
import { latestLock, retryAfter, retryMessage, SIGN_IN_LIMITS, SIGN_UP_WINDOW_MS } from "./throttle";
import { isUniqueViolation } from "../db/errors";
import { env } from "../env";

export { FieldError };

// The strength check runs here, on the server only: its dictionaries would triple the
// sign-up page's JavaScript. The form's zod schema covers length.
export function checkNewPassword(password: string, email: string, name: string | null | undefined, field = "password"): void {
  const local = email.split("@")[0]!;
  if (local.length >= 4 && password.toLowerCase().includes(local)) throw new FieldError(field, "Don't use your email address in your password.");
  const problem = passwordProblem(password, [email, local, name ?? ""]);
  if (problem) throw new FieldError(field, problem);
}

// Sign-ups from one client address are limited per hour, counted whether or not the account
// was made (a taken email tells a prober something too). Callers inside the server (seeds,
// tests) pass no address and are not counted.
async function checkSignUpRate(address: string, now: Date): Promise<void> {
  const limit = env().UNKNOT_SIGNUPS_PER_HOUR;
  const rows = await db.signUpAttempt.findMany({
    where: { ip: address, createdAt: { gt: new Date(now.getTime() - SIGN_UP_WINDOW_MS) } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  const at = retryAfter(
    rows.map((r) => r.createdAt),
    { limit, windowMs: SIGN_UP_WINDOW_MS },
    now,
  );
  if (at) throw new UserError(retryMessage("Too many new accounts from your network in the last hour.", at, now), 429);
  await db.signUpAttempt.create({ data: { ip: address, createdAt: now } });
}

// `input` is parsed by the sign-up action (signUpSchema).
export async function createAccount(input: NewAccount, address?: string, now = new Date()): Promise<{ id: string; email: string }> {
  const { email, password, name, timeZone } = input;
  checkNewPassword(password, email, name);
  if (address !== undefined) await checkSignUpRate(address, now);
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

const since = (now: Date, windowMs: number) => new Date(now.getTime() - windowMs);

async function failureTimes(where: Prisma.SignInAttemptWhereInput, after: Date, take: number): Promise<Date[]> {
  const rows = await db.signInAttempt.findMany({
    where: { ...where, success: false, createdAt: { gt: after } },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

// When the next sign-in for this email from this address is allowed, or null for now.
async function signInLock(email: string, ip: string, now: Date): Promise<Date | null> {
  const { emailAndAddress: pair, address, email: perEmail } = SIGN_IN_LIMITS;
  // Only the owner's own success, from the same address, clears the tight per-pair count.
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, ip, success: true, createdAt: { gt: since(now, pair.windowMs) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [byPair, byAddress, byEmail] = await Promise.all([
    failureTimes({ email, ip }, lastSuccess?.createdAt ?? since(now, pair.windowMs), pair.limit),
    failureTimes({ ip }, since(now, address.windowMs), address.limit),
    failureTimes({ email }, since(now, perEmail.windowMs), perEmail.limit),
  ]);
  return latestLock([retryAfter(byPair, pair, now), retryAfter(byAddress, address, now), retryAfter(byEmail, perEmail, now)]);
}

export type SessionIdentity = { id: string; email: string; name: string | null; sessionVersion: number };

// Throws UserError with a message fit for the sign-in form; never says whether the email exists.
// `credentials` are parsed by the caller (signInSchema: next-auth's authorize in session.ts).
export async function authenticate({ email, password }: Credentials, ip: string, now = new Date()): Promise<SessionIdentity> {
  const lockedUntil = await signInLock(email, ip, now);
  if (lockedUntil) throw new UserError(retryMessage("Too many failed sign-in attempts.", lockedUntil, now), 429);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, sessionVersion: true, passwordHash: true } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  await db.signInAttempt.create({ data: { email, ip, success: ok, createdAt: now } });
  if (!ok || !user) throw new UserError(WRONG_CREDENTIALS, 401);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
