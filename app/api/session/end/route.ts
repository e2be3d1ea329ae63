import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { safeCallback } from "@/app/_components/safe-callback";
import { getSessionUser } from "@/lib/auth/session";
import { displayCookieOptions, sessionCookieNames, SIGNED_IN_COOKIE } from "@/lib/auth/display-cookie";
import { isHttps, siteUrl } from "@/lib/auth/site-origin";

// GET /api/session/end?next=/path - where a page sends a browser whose session cookie names no
// live session (lib/auth/session.ts): deletes that cookie and the header's signed-in hint, which a page
// cannot do while it renders, then goes on to `next` (a path on this site only, safeCallback)
// on the site's origin (lib/auth/site-origin.ts). It is safe to link to: a session that is
// still live is left alone, so a link from anywhere cannot sign anyone out (signing out is
// next-auth's POST, which needs its CSRF token).
async function end(request: NextRequest): Promise<NextResponse> {
  const next = safeCallback(request.nextUrl.searchParams.get("next"), "/sign-in");
  const res = NextResponse.redirect(siteUrl(next, request.headers), 303);
  const live = await getSessionUser().then(
    (user) => user !== null,
    // The database cannot say: nothing is deleted, and the page it goes to reports the error.
    () => true,
  );
  if (live) return res;
  const https = isHttps(siteUrl("/", request.headers).origin);
  for (const name of sessionCookieNames(request.cookies.getAll().map((c) => c.name))) {
    res.cookies.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__Secure-") });
  }
  res.cookies.set(SIGNED_IN_COOKIE, "", { ...displayCookieOptions(https), maxAge: 0 });
  return res;
}

export const GET = apiRoute(end);
