import "server-only";
import { NextResponse } from "next/server";
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

// A signed-in JSON route: the user comes from the session, the body is parsed by the handler's zod schema.
export function userRoute<T>(handler: (user: SessionUser, body: unknown, req: Request) => Promise<T>) {
  return async (req: Request): Promise<NextResponse> => {
    try {
      const user = await requireApiUser();
      const body = req.method === "GET" ? undefined : await readJson(req);
      return NextResponse.json({ ok: true, ...(await handler(user, body, req)) });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
