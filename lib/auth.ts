import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession, type NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "./db";
import { UserError } from "./errors";
import { authenticate } from "./accounts/accounts";

function clientAddress(h: Record<string, string | string[] | undefined> | undefined): string {
  const fwd = h?.["x-forwarded-for"];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
  return (first || "unknown").slice(0, 64);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticate(credentials, clientAddress(req?.headers));
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
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      (session as { sv?: number }).sv = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
};

export type SessionUser = { id: string; email: string; name: string | null };

// The one place that turns a request into a user. A JWT is honoured only while its
// session version matches the user's, so "sign out everywhere" ends every session.
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== (session as { sv?: number }).sv) return null;
  return { id: user.id, email: user.email, name: user.name };
});

export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requireApiUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UserError("Sign in first.", 401);
  return user;
}

export async function requestAddress(): Promise<string> {
  const h = await headers();
  return clientAddress({ "x-forwarded-for": h.get("x-forwarded-for") ?? undefined });
}
