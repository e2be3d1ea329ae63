import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { UserError } from "./errors";
import { requireApiUser, type SessionUser } from "./auth";

const MAX_BODY_BYTES = 16 * 1024;

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new UserError("Request too large.", 413);
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

// A signed-in JSON route: the user comes from the session; the body is parsed by `input` when
// given, otherwise by the handler's own zod schema in lib/.
export function userRoute<T>(handler: (user: SessionUser, body: unknown, req: Request) => Promise<T>, input?: z.ZodType) {
  return async (req: Request): Promise<NextResponse> => {
    try {
      const user = await requireApiUser();
      let body = req.method === "GET" ? undefined : await readJson(req);
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
