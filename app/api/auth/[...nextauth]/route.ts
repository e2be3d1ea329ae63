import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { authOptions } from "@/lib/auth/session";
import { fromThisSite } from "@/lib/auth/site-origin";

const handler = NextAuth(authOptions) as (req: Request, context: unknown) => Promise<Response>;

// next-auth's own POSTs (sign-in, sign-out) carry its CSRF token. A page on another port or
// subdomain of this site can still set cookies for it, so they must also come from this
// site's own pages, like every other write (lib/api.ts).
async function post(req: Request, context: unknown): Promise<Response> {
  if (!fromThisSite(req.headers)) return NextResponse.json({ ok: false, error: "This request did not come from this site's pages." }, { status: 403 });
  return handler(req, context);
}

export const GET = apiRoute(handler);
export const POST = apiRoute(post);
