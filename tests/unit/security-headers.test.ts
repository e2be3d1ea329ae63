import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, transportHeaders, usesNonce } from "@/lib/security-headers";

describe("the content security policy", () => {
  it("allows scripts only by nonce on pages that handle user data", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline' ;");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("allows our own service worker and manifest on every page, nonce or not", () => {
    for (const csp of [contentSecurityPolicy("abc123"), contentSecurityPolicy(null)]) {
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("manifest-src 'self'");
    }
  });

  it("uses the nonce on every page that can show personal data (home, lesson list, review, settings, progress, account, sign-in), not on lessons", () => {
    for (const p of ["/", "/learn", "/welcome", "/review", "/cards", "/cards/abc", "/settings", "/progress", "/account", "/sign-in", "/sign-up"])
      expect(usesNonce(p), p).toBe(true);
    for (const p of ["/learn/causes", "/learn/causes/quiz", "/reviewer", "/offline", "/signed-out"]) expect(usesNonce(p), p).toBe(false);
  });

  it("sends Strict-Transport-Security only over https", () => {
    expect(transportHeaders(true)["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(transportHeaders(false)).toEqual({});
  });
});
