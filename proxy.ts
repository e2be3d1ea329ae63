import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, STATIC_HEADERS, usesNonce } from "./lib/security-headers";
import { DISPLAY_COOKIE_OPTIONS, displayCookieChange, proxyKeepsHint, SIGNED_IN_COOKIE } from "./lib/auth/display-cookie";

export function proxy(request: NextRequest) {
  const nonce = usesNonce(request.nextUrl.pathname) ? Buffer.from(crypto.randomUUID()).toString("base64") : null;
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // Next reads the nonce for its own scripts from the request's policy header.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  if (nonce) headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(STATIC_HEADERS)) response.headers.set(k, v);
  // Keeps the header's "signed in" hint in step with the session cookie (lib/auth/display-cookie.ts).
  const change = !proxyKeepsHint(request.nextUrl.pathname) ? null : displayCookieChange(new Map(request.cookies.getAll().map((c) => [c.name, c.value])));
  if (change === "set") response.cookies.set(SIGNED_IN_COOKIE, "1", DISPLAY_COOKIE_OPTIONS);
  else if (change === "clear") response.cookies.delete(SIGNED_IN_COOKIE);
  return response;
}

// The import route is left out: Next buffers the body of every request the proxy sees, only
// up to 10 MB, and silently cuts off the rest. The route reads its own body, checks the
// 32 MB limit as it goes, and sets the same headers itself (app/api/account/import/route.ts).
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/account/import$).*)" }],
};
