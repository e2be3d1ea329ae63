import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  AUTH_STATE_SCRIPT,
  displayCookieChange,
  displayCookieOptions,
  hasSessionCookie,
  proxyKeepsHint,
  sessionCookieNames,
  SESSION_END_PATH,
  SIGNED_IN_COOKIE,
} from "@/lib/auth/display-cookie";
import { HEAD_SCRIPT_HASH, contentSecurityPolicy } from "@/lib/security-headers";
import { HEAD_SCRIPT } from "@/lib/head-script";

const jar = (o: Record<string, string>) => new Map(Object.entries(o));

describe("the header's signed-in hint", () => {
  it("recognises next-auth's session cookie on http and https, whole or split", () => {
    for (const n of ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.session-token.0"]) expect(hasSessionCookie([n]), n).toBe(true);
    for (const n of ["next-auth.csrf-token", "next-auth.callback-url", SIGNED_IN_COOKIE, "x-next-auth.session-token"])
      expect(hasSessionCookie([n]), n).toBe(false);
    // Every part of a split cookie is found, so that ending a stale session deletes them all.
    expect(sessionCookieNames(["a", "next-auth.session-token.0", "next-auth.session-token.1", "next-auth.csrf-token"])).toEqual([
      "next-auth.session-token.0",
      "next-auth.session-token.1",
    ]);
  });

  it("is Secure on a site served over https, like the session cookie beside it", () => {
    expect(displayCookieOptions(true)).toMatchObject({ secure: true, sameSite: "lax", httpOnly: false, path: "/" });
    expect(displayCookieOptions(false).secure).toBe(false);
  });

  it("is set when a session cookie appears, cleared when it goes, and left alone when it agrees", () => {
    expect(displayCookieChange(jar({ "next-auth.session-token": "jwt" }))).toBe("set");
    expect(displayCookieChange(jar({ "next-auth.session-token": "jwt", [SIGNED_IN_COOKIE]: "0" }))).toBe("set");
    expect(displayCookieChange(jar({ "next-auth.session-token": "jwt", [SIGNED_IN_COOKIE]: "1" }))).toBeNull();
    expect(displayCookieChange(jar({ [SIGNED_IN_COOKIE]: "1" }))).toBe("clear");
    expect(displayCookieChange(jar({ "next-auth.csrf-token": "t" }))).toBeNull();
  });

  it("is left alone by the proxy on next-auth's routes (a sign-out still carries the cookie it deletes) and on the session-end route", () => {
    for (const p of ["/api/auth/signout", "/api/auth/callback/credentials", SESSION_END_PATH]) expect(proxyKeepsHint(p), p).toBe(false);
    for (const p of ["/", "/learn/causes", "/review", "/api/review", "/signed-out"]) expect(proxyKeepsHint(p), p).toBe(true);
  });

  it("is read by the head script from the cookie alone, defaulting to signed out", () => {
    const run = (cookie: string) => {
      const documentElement = { dataset: {} as Record<string, string> };
      new Function("document", AUTH_STATE_SCRIPT)({ cookie, documentElement });
      return documentElement.dataset.auth;
    };
    expect(run(`a=b; ${SIGNED_IN_COOKIE}=1`)).toBe("in");
    expect(run(`${SIGNED_IN_COOKIE}=1; a=b`)).toBe("in");
    expect(run(`${SIGNED_IN_COOKIE}=10`)).toBe("out");
    expect(run(`x${SIGNED_IN_COOKIE}=1`)).toBe("out");
    expect(run("")).toBe("out");
  });

  it("is allowed by its hash on the nonce pages, and by 'unsafe-inline' (not switched off by a hash) on the prerendered ones", () => {
    expect(HEAD_SCRIPT).toContain(AUTH_STATE_SCRIPT);
    expect(HEAD_SCRIPT_HASH).toBe(`'sha256-${createHash("sha256").update(HEAD_SCRIPT).digest("base64")}'`);
    expect(contentSecurityPolicy("abc")).toContain(`'strict-dynamic' ${HEAD_SCRIPT_HASH}`);
    expect(contentSecurityPolicy(null)).not.toContain("sha256-");
  });

  it("turns off zod's eval probe in the browser before zod loads, keeping any setting already there", () => {
    const run = (existing?: Record<string, unknown>) => {
      const g: { __zod_globalConfig?: Record<string, unknown> } = existing ? { __zod_globalConfig: existing } : {};
      // A hidden document: the paint-first part of the script (lib/paint-first.ts) only listens.
      const document = { cookie: "", visibilityState: "hidden", documentElement: { dataset: {} }, addEventListener: () => {} };
      new Function("document", "globalThis", "self", HEAD_SCRIPT)(document, g, g);
      return g.__zod_globalConfig;
    };
    expect(run()).toEqual({ jitless: true });
    expect(run({ locale: "en" })).toEqual({ locale: "en", jitless: true });
  });
});
