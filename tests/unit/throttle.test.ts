import { describe, expect, it } from "vitest";
import { latestLock, retryAfter, retryMessage, SIGN_IN_LIMITS } from "@/lib/auth/throttle";

const now = new Date("2026-05-01T10:00:00Z");
const ago = (min: number) => new Date(now.getTime() - min * 60_000);
const pair = SIGN_IN_LIMITS.emailAndAddress;

describe("sign-in throttling", () => {
  it("allows attempts below the limit", () => {
    expect(retryAfter([ago(1), ago(2), ago(3), ago(4)], pair, now)).toBeNull();
  });

  it("locks at the limit until the oldest counted failure leaves the window, whatever the order given", () => {
    const at = retryAfter([ago(3), ago(1), ago(5), ago(2), ago(4)], pair, now);
    expect(at?.toISOString()).toBe(new Date(ago(5).getTime() + pair.windowMs).toISOString());
  });

  it("forgets failures older than the window", () => {
    expect(retryAfter([ago(1), ago(2), ago(16), ago(17), ago(18)], pair, now)).toBeNull();
  });

  it("keeps one address alone below the per-email ceiling, so it can never lock an owner out elsewhere", () => {
    const perHourFromOneAddress = SIGN_IN_LIMITS.address.limit * (60 / (SIGN_IN_LIMITS.address.windowMs / 60_000));
    expect(SIGN_IN_LIMITS.email.windowMs).toBe(60 * 60_000);
    expect(perHourFromOneAddress).toBeLessThan(SIGN_IN_LIMITS.email.limit);
    expect(SIGN_IN_LIMITS.email.limit).toBeLessThanOrEqual(100);
  });

  it("takes the latest of several locks", () => {
    expect(latestLock([null, ago(-3), ago(-9), null])).toEqual(ago(-9));
    expect(latestLock([null, null])).toBeNull();
  });

  it("says in whole minutes when to retry, with the UTC time", () => {
    expect(retryMessage("Too many.", new Date(now.getTime() + 61_000), now)).toBe("Too many. Try again in 2 minutes (after 10:01 UTC).");
    expect(retryMessage("Too many.", new Date(now.getTime() + 5_000), now)).toBe("Too many. Try again in 1 minute (after 10:00 UTC).");
  });
});
