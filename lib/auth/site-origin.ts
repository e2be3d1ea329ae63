// The site's own origin: the one rule for every redirect the app builds, for whether the site
// is served over https (HSTS, Secure cookies), and for which pages may send it writes.
// Pure, so that it is unit-tested.
//
// With NEXTAUTH_URL set, the site's origin is that URL's. Without it, it is the scheme and host
// the request came to, which scripts/serve.ts writes into X-Forwarded-Proto and X-Forwarded-Host
// before the app sees the request: the connection's own, or those of a trusted proxy
// (lib/auth/client-address.ts). next-auth's own redirects follow the same rule.

import { env } from "../env";

export type HeaderReader = { get(name: string): string | null };

const first = (v: string | null | undefined) => v?.split(",")[0]?.trim() || null;

export function siteOrigin(headers: HeaderReader, configuredUrl: string | undefined = env().NEXTAUTH_URL): string {
  if (configuredUrl) return new URL(configuredUrl).origin;
  const scheme = first(headers.get("x-forwarded-proto")) === "https" ? "https" : "http";
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host")) ?? "localhost";
  try {
    const url = new URL(`${scheme}://${host}`);
    // A Host header with a path or user name in it is not a host.
    if (url.host.toLowerCase() === host.toLowerCase()) return url.origin;
  } catch {
    // Falls through: not a host name.
  }
  return `${scheme}://localhost`;
}

export function isHttps(origin: string): boolean {
  return origin.startsWith("https://");
}

// An absolute URL on the site for a same-site path (one safeCallback has checked).
export function siteUrl(path: string, headers: HeaderReader, configuredUrl?: string): URL {
  const origin = siteOrigin(headers, configuredUrl);
  const url = new URL(path, origin);
  if (url.origin !== origin) throw new Error(`Not a path on this site: ${path}`);
  return url;
}

// Whether a request that changes something comes from one of the site's own pages. Browsers
// send Origin with every POST; it must name the host the request came to (as Next checks for
// server actions) or NEXTAUTH_URL's host. A request without Origin is refused if
// Sec-Fetch-Site says another site or origin sent it. A request with neither header is not
// from a browser (a script, curl), so no other site can have made it carry the user's cookie.
export function fromThisSite(headers: HeaderReader, configuredUrl: string | undefined = env().NEXTAUTH_URL): boolean {
  const origin = headers.get("origin");
  if (origin !== null) {
    let host: string;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      return false; // "null": a sandboxed frame, a data: URL, a cross-origin redirect.
    }
    const own = [first(headers.get("x-forwarded-host")), first(headers.get("host")), configuredUrl ? new URL(configuredUrl).host : null];
    return own.some((h) => h !== null && h.toLowerCase() === host);
  }
  const fetchSite = headers.get("sec-fetch-site");
  return fetchSite === null || fetchSite === "same-origin" || fetchSite === "none";
}

// Whether a request body is declared as JSON: `application/json`, with or without parameters.
export function isJsonContentType(contentType: string | null): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}
