// Sign-in throttling policy, pure so that it is unit-tested; the counts come from the
// SignInAttempt table, so the limit holds across server instances.

export const THROTTLE = {
  windowMs: 15 * 60_000,
  perEmail: 5,
  perAddress: 20,
} as const;

// failures: times of failed attempts since the last success, newest first.
export function retryAfter(failures: Date[], limit: number, now: Date, windowMs: number = THROTTLE.windowMs): Date | null {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < windowMs);
  if (recent.length < limit) return null;
  // Locked until the limit-th newest failure leaves the window.
  const pivot = recent[limit - 1]!;
  return new Date(pivot.getTime() + windowMs);
}
