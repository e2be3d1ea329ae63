import "server-only";
import { cookies, headers } from "next/headers";
import { decode, getToken, type JWT } from "next-auth/jwt";
import { env, sessionSecret } from "../env";

// The request's next-auth session token, without running next-auth's whole handler.
// `getServerSession` costs several times more: it builds the handler's options, decodes the
// JWT, runs the callbacks, then encodes and encrypts a fresh JWT for a cookie that a page or
// route handler throws away. The token's session version is checked against the database by
// the caller (lib/auth/session.ts), on every request.
//
// The cookie's name is the one next-auth itself chose when it set it: "__Secure-"-prefixed
// when the site's origin is https. That origin is NEXTAUTH_URL when set, otherwise (as
// next-auth's detectOrigin does) the request's forwarded scheme, which scripts/serve.ts sets.

// Decrypting a token costs an HKDF key derivation and an AES-GCM decryption (about a third of
// a ping's CPU, measured). A browser sends the same token with every request, so decrypted
// tokens are kept, keyed by the token's exact text: only that text decrypts to that payload
// (authenticated encryption). Expiry is checked on every use, as jose does (15 s tolerance).
const decoded = new Map<string, JWT>();
const MAX_DECODED = 5_000;
const CLOCK_TOLERANCE_S = 15;

async function decodeOnce(raw: string): Promise<JWT | null> {
  let token = decoded.get(raw);
  if (!token) {
    const secret = sessionSecret(env());
    token = (await decode({ token: raw, secret }).catch(() => null)) ?? undefined;
    if (!token) return null;
    if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
    decoded.set(raw, token);
  }
  if (typeof token.exp === "number" && token.exp + CLOCK_TOLERANCE_S < Date.now() / 1000) {
    decoded.delete(raw);
    return null;
  }
  return token;
}

export async function requestSessionToken(): Promise<JWT | null> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const url = env().NEXTAUTH_URL;
  const secureCookie = url ? url.startsWith("https://") : h.get("x-forwarded-proto") !== "http";
  const jar: Record<string, string> = {};
  for (const { name, value } of c.getAll()) if (name.includes("next-auth.session-token")) jar[name] = value;
  // The token's text, joined from its chunks if next-auth split it. No headers are passed on:
  // sessions come from the cookie only, as with getServerSession (getToken would otherwise
  // also accept an Authorization: Bearer header).
  const raw = await getToken({ req: { headers: {}, cookies: jar } as never, secureCookie, raw: true });
  return raw ? decodeOnce(raw) : null;
}
