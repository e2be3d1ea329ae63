// Sign-in and sign-up throttling policy, pure so that it is unit-tested; the attempts are
// rows in the database, so the limits hold across servers.
//
// Sign-in failures are counted three ways, so that a stranger cannot lock an owner out:
// - per (email, client address), tightly: guessing one account from one place stops fast,
//   and the owner's own success there clears it;
// - per client address, broadly: one address cannot spray guesses over many accounts;
// - per email from anywhere, only at a high ceiling (OWASP ASVS 2.2.1 asks for at most 100
//   failures an hour): a botnet is slowed, yet one address alone (20 per 15 minutes, so at
//   most 80 an hour) can never reach it and lock the owner out from elsewhere.

export type Limit = { limit: number; windowMs: number };

const MINUTE = 60_000;

export const SIGN_IN_LIMITS = {
  emailAndAddress: { limit: 5, windowMs: 15 * MINUTE },
  address: { limit: 20, windowMs: 15 * MINUTE },
  email: { limit: 100, windowMs: 60 * MINUTE },
} as const satisfies Record<string, Limit>;

export const SIGN_UP_WINDOW_MS = 60 * MINUTE;

// attempts: times of counted attempts, in any order. Returns when the next attempt is allowed,
// or null when it is allowed now: locked until the limit-th newest attempt leaves the window.
export function retryAfter(attempts: Date[], { limit, windowMs }: Limit, now: Date): Date | null {
  const recent = attempts
    .map((a) => a.getTime())
    .filter((t) => t <= now.getTime() && now.getTime() - t < windowMs)
    .sort((a, b) => b - a);
  if (recent.length < limit) return null;
  return new Date(recent[limit - 1]! + windowMs);
}

// The latest of several locks, or null when none holds.
export function latestLock(locks: (Date | null)[]): Date | null {
  return locks.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}

export function retryMessage(what: string, at: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / MINUTE));
  return `${what} Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${at.toISOString().slice(11, 16)} UTC).`;
}
