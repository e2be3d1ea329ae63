import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders, usesNonce } from "./lib/security-headers";
import { displayCookieChange, displayCookieOptions, proxyKeepsHint, SIGNED_IN_COOKIE } from "./lib/auth/display-cookie";
import { isHttps, siteOrigin } from "./lib/auth/site-origin";
import { actionEnvelopeIsValid, isFetchAction } from "./lib/action-envelope";

export async function proxy(request: NextRequest) {
  const https = isHttps(siteOrigin(request.headers));
  const nonce = usesNonce(request.nextUrl.pathname) ? Buffer.from(crypto.randomUUID()).toString("base64") : null;
  const headers = securityHeaders(nonce, https, process.env.NODE_ENV === "development");
  const csp = headers["Content-Security-Policy"]!;
  // A server action call Next cannot decode would get Next's 500 (lib/action-envelope.ts).
  if (isFetchAction(request.method, request.headers) && !(await actionEnvelopeIsValid(request.clone()))) {
    return new NextResponse("This server action call is malformed.", { status: 400, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }
  // Next reads the nonce for its own scripts from the request's policy header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  if (nonce) requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  // Keeps the header's "signed in" hint in step with the session cookie (lib/auth/display-cookie.ts).
  const change = !proxyKeepsHint(request.nextUrl.pathname) ? null : displayCookieChange(new Map(request.cookies.getAll().map((c) => [c.name, c.value])));
  if (change === "set") response.cookies.set(SIGNED_IN_COOKIE, "1", displayCookieOptions(https));
  else if (change === "clear") response.cookies.set(SIGNED_IN_COOKIE, "", { ...displayCookieOptions(https), maxAge: 0 });
  return response;
}

// Pages only. The API routes set the same headers themselves (`apiRoute` in lib/api.ts): for
// them the proxy did nothing else, and passing through it cost each request about a millisecond
// of CPU, half of what GET /api/ping (the session check alone) cost with it. Next also buffers
// the body of every request the proxy sees, only up to 10 MB, silently cutting off the rest
// (the account import takes up to 32 MB).
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/).*)" }],
};
