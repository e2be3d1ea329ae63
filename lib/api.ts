import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { parseBody, UserError, type InvalidBody } from "./errors";
import { requireApiUser, type SessionUser } from "./auth/session";
import { fromThisSite, isHttps, isJsonContentType, siteOrigin } from "./auth/site-origin";
import { securityHeaders } from "./security-headers";

const MAX_BODY_BYTES = 16 * 1024;

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

// Counted as it arrives, so an oversized body is refused without being held in memory;
// a declared Content-Length over the limit is refused before reading anything.
async function readText(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new UserError(`Request too large: the limit is ${sizeLabel(maxBytes)}.`, 413);
  if (Number(req.headers.get("content-length")) > maxBytes) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const text = await readText(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError("The request body must be JSON.", 400);
  }
}

export function errorResponse(e: unknown): NextResponse {
  if (e instanceof UserError) return NextResponse.json({ ok: false, error: e.message }, { status: e.status });
  // Details go to the server log, never to the user.
  console.error(e);
  return NextResponse.json({ ok: false, error: "Something went wrong on our side. Please try again." }, { status: 500 });
}

export { noInput } from "./validation/common";

// A request that changes something must come from the site's own pages and say that its body
// is JSON. SameSite=Lax cookies stop other sites, not another port or subdomain of this one,
// and a cross-origin form or fetch may send text/plain without asking first (no CORS preflight).
function refuseCrossSiteWrite(req: Request): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  if (!fromThisSite(req.headers)) throw new UserError("This request did not come from this site's pages.", 403);
  if (!isJsonContentType(req.headers.get("content-type"))) throw new UserError("Send the request body as JSON (Content-Type: application/json).", 415);
}

// Every route under app/api/ is exported through this (userRoute and downloadRoute use it):
// proxy.ts sees pages only, so the API's answers get their security headers here, the same as
// pages get (a header the route set itself, such as the calendar feed's Referrer-Policy, stays).
export function apiRoute<R extends Request, C extends unknown[]>(handler: (req: R, ...rest: C) => Promise<Response>) {
  return async (req: R, ...rest: C): Promise<Response> => {
    const res = await handler(req, ...rest);
    for (const [name, value] of Object.entries(securityHeaders(null, isHttps(siteOrigin(req.headers))))) {
      if (!res.headers.has(name)) res.headers.set(name, value);
    }
    return res;
  };
}

export type RouteOptions = { maxBodyBytes?: number; invalid?: InvalidBody };

// A signed-in JSON route: the user comes from the session, checked first, so only a signed-in
// user's body is read. The body is parsed by `input` (a failure answers 400 with `invalid`'s
// message) and the handler gets it typed; a route without a schema (GET) gets it as `unknown`.
// The functions in lib/ take typed input and do not parse it again.
// Bodies are capped at 16 KB unless a route asks for more. A write from another origin, or one
// whose body is not declared as JSON, is refused before anything else is read.
export function userRoute<T extends object, S extends z.ZodType = z.ZodUnknown>(
  handler: (user: SessionUser, input: z.output<S>, req: Request) => Promise<T>,
  input?: S,
  options: RouteOptions = {},
) {
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return apiRoute(async (req: Request): Promise<Response> => {
    try {
      refuseCrossSiteWrite(req);
      const user = await requireApiUser();
      const body = req.method === "GET" ? undefined : await readJson(req, maxBytes);
      const parsed = (input ? parseBody(input, body, options.invalid) : body) as z.output<S>;
      return NextResponse.json({ ok: true, ...(await handler(user, parsed, req)) });
    } catch (e) {
      return errorResponse(e);
    }
  });
}
