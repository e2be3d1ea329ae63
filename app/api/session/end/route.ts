import { NextResponse, type NextRequest } from "next/server";
import { safeCallback } from "@/app/_components/safe-callback";
import { sessionCookieNames, SIGNED_IN_COOKIE } from "@/lib/auth/display-cookie";

// GET /api/session/end?next=/path - where a page sends a browser whose session cookie names no
// live session (lib/auth.ts): deletes that cookie and the header's signed-in hint, which a page
// cannot do while it renders, then goes on to `next` (a same-site path only).
export function GET(request: NextRequest) {
  const next = safeCallback(request.nextUrl.searchParams.get("next"), "/sign-in");
  const res = NextResponse.redirect(new URL(next, request.url), 303);
  for (const name of [...sessionCookieNames(request.cookies.getAll().map((c) => c.name)), SIGNED_IN_COOKIE]) {
    res.cookies.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__Secure-") });
  }
  return res;
}
