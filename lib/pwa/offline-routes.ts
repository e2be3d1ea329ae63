// Which pages the service worker may keep for offline use, shared by the worker (app/sw.ts),
// the offline page and their tests. Pure, so that it is unit-tested.

export const OFFLINE_URL = "/offline";
// The prerendered, user-free shell of /review that the worker answers a /review navigation
// with when the network fails (app/review-shell/page.tsx, outside /review/ so that it needs no per-request nonce).
export const REVIEW_URL = "/review";
export const REVIEW_SHELL_URL = "/review-shell";
export const RUNTIME_CACHE_PREFIX = "unknot-";

// Each lesson and each quiz: prerendered, the same for every visitor, no user data.
// /learn is left out (it shows the signed-in user's badges), and so is the home page, which
// is personal when signed in ("Hello, name", cards due): a cached copy could show it to the
// next person on a shared browser, or after signing out.
// The flare plan and the warning-sign check (/now, /now/check, its numbered questions and its
// results) are the same for everyone too.
const PUBLIC_PAGE = /^\/(?:learn\/[a-z0-9-]+(?:\/quiz)?|offline|now(?:\/check(?:\/\d+|\/result\/[a-z-]+)?)?)$/;

export function isOfflinePage(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname);
}

export function runtimeCacheName(kind: string, buildId: string): string {
  return `${RUNTIME_CACHE_PREFIX}${kind}-${buildId}`;
}

// The lesson slug a cached URL belongs to, or null for anything else.
export function lessonSlugOf(url: string): string | null {
  const m = /^\/learn\/([a-z0-9-]+)$/.exec(new URL(url, "http://x").pathname);
  return m ? m[1]! : null;
}
