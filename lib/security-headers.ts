// Security headers, pure so that they are unit-tested. Pages that show or take user data
// (including the home page and /learn, personal when signed in) are rendered per request and
// get a nonce-based script policy; the public lesson pages are
// prerendered (fast, cacheable) and cannot carry a per-request nonce, so there Next's inline
// bootstrap scripts are allowed with 'unsafe-inline': those pages render only our own content.
// The one inline script of our own (lib/head-script.ts: the header's signed-in state, set
// before the first paint, zod's browser setting and the paint-first loader) is allowed on the
// nonce pages by its hash, since the root layout cannot read a nonce without making every page
// dynamic; the scripts it adds are trusted through 'strict-dynamic'.
import { createHash } from "node:crypto";
import { HEAD_SCRIPT } from "./head-script";

export const HEAD_SCRIPT_HASH = `'sha256-${createHash("sha256").update(HEAD_SCRIPT).digest("base64")}'`;

export const NONCE_PATHS = ["/welcome", "/review", "/cards", "/settings", "/progress", "/account", "/sign-in", "/sign-up"];
// Personal when signed in, but with prerendered public pages below them (/learn/<slug>).
export const NONCE_PAGES = ["/", "/learn"];

export function usesNonce(pathname: string): boolean {
  return NONCE_PAGES.includes(pathname) || NONCE_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function contentSecurityPolicy(nonce: string | null, dev = false): string {
  // A hash beside 'unsafe-inline' would switch 'unsafe-inline' off, so only nonce pages list it.
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic' ${HEAD_SCRIPT_HASH}` : `'self' 'unsafe-inline'`;
  return [
    "default-src 'self'",
    `script-src ${script}${dev ? " 'unsafe-eval'" : ""}`,
    // React sets a few style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The offline service worker (/sw.js) and the web app manifest are our own files.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Sent only when the site is served over https (lib/auth/site-origin.ts): two years, for the
// host and its subdomains. Not "preload", which is a commitment for the whole domain.
export const HSTS = "max-age=63072000; includeSubDomains";

export function transportHeaders(https: boolean): Record<string, string> {
  return https ? { "Strict-Transport-Security": HSTS } : {};
}

export const STATIC_HEADERS: Record<string, string> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

// Every header above for one response: the proxy's for pages, lib/api.ts's for the API routes.
export function securityHeaders(nonce: string | null, https: boolean, dev = false): Record<string, string> {
  return { "Content-Security-Policy": contentSecurityPolicy(nonce, dev), ...STATIC_HEADERS, ...transportHeaders(https) };
}
