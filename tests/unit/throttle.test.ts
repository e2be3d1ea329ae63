import { describe, expect, it } from "vitest";
import { retryAfter, THROTTLE } from "@/lib/accounts/throttle";

const now = new Date("2026-05-01T10:00:00Z");
const ago = (min: number) => new Date(now.getTime() - min * 60_000);

describe("sign-in throttling", () => {
  it("allows attempts below the limit", () => {
    expect(retryAfter([ago(1), ago(2), ago(3), ago(4)], THROTTLE.perEmail, now)).toBeNull();
  });

  it("locks at the limit until the oldest counted failure leaves the window", () => {
    const at = retryAfter([ago(1), ago(2), ago(3), ago(4), ago(5)], THROTTLE.perEmail, now);
    expect(at?.toISOString()).toBe(new Date(ago(5).getTime() + THROTTLE.windowMs).toISOString());
  });

  it("forgets failures older than the window", () => {
    expect(retryAfter([ago(1), ago(2), ago(16), ago(17), ago(18)], THROTTLE.perEmail, now)).toBeNull();
  });
});
