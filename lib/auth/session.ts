import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NextAuthOptions, Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { kdb } from "../db";
import { prepared } from "../db/prepared";
import { SETTINGS_COLUMNS, settingsFromRow, type UserSettings } from "../settings";
import { UserError } from "../errors";
import { authenticate, WRONG_CREDENTIALS } from "./accounts";
import { signInSchema } from "./schema";
import { requestClientAddress } from "./client-address";
import { requestSessionToken } from "./session-token";
import { hasSessionCookie, SESSION_END_PATH } from "./display-cookie";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          // The edge of sign-in: a malformed email or password is a wrong one, said the same way.
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new UserError(WRONG_CREDENTIALS, 401);
          const user = await authenticate(parsed.data, requestClientAddress(req?.headers ?? {}));
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (e) {
          // next-auth passes an Error's message to the client as `error`.
          if (e instanceof UserError) throw new Error(e.message);
          throw new Error("Sign-in is unavailable right now. Please try again.");
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    // Every session read (pages and routes through getSessionUser, and /api/auth/session) checks the token's
    // session version against the user's, so "sign out everywhere" and a password change end
    // other sessions everywhere at once. next-auth's client reads an empty object as signed out.
    async session({ session, token }) {
      const user = await checkSession(token);
      return user ? { ...session, user } : ({} as Session);
    },
  },
};

export type SessionUser = { id: string; email: string; name: string | null; settings?: UserSettings };

// The session check: the token's session version against the user's, in one statement that
// also reads the user's settings (lib/settings/). They ride on a non-enumerable property, kept
// out of the JSON that /api/auth/session sends. The password hash is never read here.
// Every request runs it: compiled once (lib/db/prepared.ts).
const sessionRow = prepared((db, p: { id: string }) =>
  db
    .selectFrom("User")
    .select(["email", "name", "sessionVersion", ...SETTINGS_COLUMNS])
    .where("id", "=", p.id),
);
async function checkSession(token: { sub?: string; sv?: unknown } | null): Promise<SessionUser | null> {
  if (!token?.sub) return null;
  const {
    rows: [row],
  } = await sessionRow(kdb, { id: token.sub });
  if (!row || Number(row.sessionVersion) !== token.sv) return null;
  const { email, name, sessionVersion: _, ...settings } = row;
  const user: SessionUser = { id: token.sub, email, name };
  Object.defineProperty(user, "settings", { value: settingsFromRow(user.id, settings), enumerable: false });
  return user;
}

// The one place that turns a request into a user, once per request: the session cookie's JWT
// decoded by next-auth (lib/auth/session-token.ts), then the same check as the session
// callback above. It does not re-issue the cookie (getServerSession's fresh cookie is
// discarded by pages and route handlers anyway). No page loads next-auth's client any more, so
// nothing rolls the expiry forward: a session lasts its 30 days from sign-in (README, Sessions).
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const user = await checkSession(await requestSessionToken());
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, settings: user.settings };
});

// A session cookie is there but names no live session: "Sign out everywhere" or a password
// change elsewhere ended it, or the account is gone. A page cannot delete cookies while it
// renders, so it sends the browser through SESSION_END_PATH, which deletes the stale cookie and
// the header's signed-in hint (lib/auth/display-cookie.ts), then goes on to `next`.
async function endStaleSession(next: string): Promise<void> {
  if (hasSessionCookie((await cookies()).getAll().map((c) => c.name))) redirect(`${SESSION_END_PATH}?next=${encodeURIComponent(next)}`);
}

// For pages that serve guests too (the home page, /learn): the session user or null.
export async function getPageUser(path: string): Promise<SessionUser | null> {
  const user = await getSessionUser();
  if (!user) await endStaleSession(path);
  return user;
}

export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const signIn = `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`;
    await endStaleSession(signIn);
    redirect(signIn);
  }
  return user;
}

export async function requireApiUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UserError("Sign in first.", 401);
  return user;
}

// The client address scripts/serve.ts resolved from the socket and the trusted proxies.
export async function requestAddress(): Promise<string> {
  const h = await headers();
  return requestClientAddress({ "x-forwarded-for": h.get("x-forwarded-for") ?? undefined });
}
