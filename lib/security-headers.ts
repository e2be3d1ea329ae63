// Security headers, pure so that they are unit-tested. Pages that show or take user data are
// rendered per request and get a nonce-based script policy; the public lesson pages are
// prerendered (fast, cacheable) and cannot carry a per-request nonce, so there Next's inline
// bootstrap scripts are allowed with 'unsafe-inline': those pages render only our own content.

export const NONCE_PATHS = ["/welcome", "/review", "/cards", "/settings", "/progress", "/account", "/sign-in", "/sign-up"];

export function usesNonce(pathname: string): boolean {
  return NONCE_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function contentSecurityPolicy(nonce: string | null, dev = false): string {
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : `'self' 'unsafe-inline'`;
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

export const STATIC_HEADERS: Record<string, string> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};
