import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { UserError } from "./errors";
import { requireApiUser, type SessionUser } from "./auth";

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

// For POST routes that take no input: only an empty object is accepted.
export const noInput = z.strictObject({}, { error: "This request takes no input." });

export type RouteOptions = { maxBodyBytes?: number };

// A signed-in JSON route: the user comes from the session; the body is parsed by `input` when
// given, otherwise by the handler's own zod schema in lib/. Bodies are capped at 16 KB unless
// a route asks for more; the session is checked first, so only a signed-in user is read.
export function userRoute<T>(handler: (user: SessionUser, body: unknown, req: Request) => Promise<T>, input?: z.ZodType, options: RouteOptions = {}) {
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return async (req: Request): Promise<NextResponse> => {
    try {
      const user = await requireApiUser();
      let body = req.method === "GET" ? undefined : await readJson(req, maxBytes);
      if (input) {
        const parsed = input.safeParse(body);
        if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid request.", 400);
        body = parsed.data;
      }
      return NextResponse.json({ ok: true, ...(await handler(user, body, req)) });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
