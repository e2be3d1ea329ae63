import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, usesNonce } from "@/lib/security-headers";

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

  it("uses the nonce on review, settings, progress, account and the sign-in pages, not on lessons", () => {
    for (const p of ["/welcome", "/review", "/cards", "/cards/abc", "/settings", "/progress", "/account", "/sign-in", "/sign-up"]) expect(usesNonce(p)).toBe(true);
    for (const p of ["/", "/learn", "/learn/causes", "/learn/causes/quiz", "/reviewer"]) expect(usesNonce(p)).toBe(false);
  });
});
