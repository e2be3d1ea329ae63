// Whether the header shows the signed-in links, without a client fetch and without making
// the cached pages per user. The session cookie is httpOnly, so the proxy keeps a second,
// non-secret cookie beside it that says only "signed in" (proxy.ts, on every request), and
// a tiny inline script in <head> copies it onto <html data-auth> before the first paint. CSS
// then shows one of the two link sets that every page carries. A cached lesson is thus the
// same bytes for everyone: nothing in it names a user. Pure, so that it is unit-tested.

export const SIGNED_IN_COOKIE = "unknot-signed-in";

// next-auth's session cookie: `__Secure-` on https, split into `.0`, `.1`… when large.
const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/;

export function sessionCookieNames(names: Iterable<string>): string[] {
  return [...names].filter((n) => SESSION_COOKIE.test(n));
}

export function hasSessionCookie(names: Iterable<string>): boolean {
  return sessionCookieNames(names).length > 0;
}

// Where a page sends a browser whose session cookie no longer names a live session
// (app/api/session/end/route.ts). The proxy leaves the hint alone there: the route deletes it.
export const SESSION_END_PATH = "/api/session/end";

// Whether the proxy keeps the hint in step on this request. Not on next-auth's own routes: a
// sign-out request still carries the session cookie its answer deletes, and setting the hint
// there would bring it back. Not on SESSION_END_PATH, which deletes it itself.
export function proxyKeepsHint(pathname: string): boolean {
  return pathname !== SESSION_END_PATH && !pathname.startsWith("/api/auth/");
}

// What the proxy should do to the display cookie for a request carrying these cookies.
export function displayCookieChange(cookies: ReadonlyMap<string, string> | Map<string, string>): "set" | "clear" | null {
  const session = hasSessionCookie(cookies.keys());
  const shown = cookies.get(SIGNED_IN_COOKIE) === "1";
  if (session && !shown) return "set";
  if (!session && cookies.has(SIGNED_IN_COOKIE)) return "clear";
  return null;
}

export const DISPLAY_COOKIE_OPTIONS = { path: "/", sameSite: "lax", maxAge: 30 * 24 * 60 * 60, httpOnly: false } as const;

// The hint's options on a site served over http or https (lib/auth/site-origin.ts): Secure on
// https, like the session cookie beside it.
export function displayCookieOptions(https: boolean) {
  return { ...DISPLAY_COOKIE_OPTIONS, secure: https };
}

const READ = `/(?:^|;\\s*)${SIGNED_IN_COOKIE}=1(?:;|$)/.test(document.cookie)`;

// Runs in <head> before the body is parsed; the same check runs again after client-side
// navigations (signing in does not reload the page).
export const AUTH_STATE_SCRIPT = `document.documentElement.dataset.auth=${READ}?"in":"out"`;

// Set in the browser too, at sign-in and sign-out: the pages the service worker answers from its
// cache (lessons, /signed-out) never reach the proxy.
export function setSignedInHint(signedIn: boolean): void {
  const secure = location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${SIGNED_IN_COOKIE}=${signedIn ? "1" : ""}; path=/; max-age=${signedIn ? DISPLAY_COOKIE_OPTIONS.maxAge : 0}; samesite=lax${secure}`;
  applyAuthState();
}

export function applyAuthState(): void {
  document.documentElement.dataset.auth = new RegExp(`(?:^|;\\s*)${SIGNED_IN_COOKIE}=1(?:;|$)`).test(document.cookie) ? "in" : "out";
}
