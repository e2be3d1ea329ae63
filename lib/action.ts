import "server-only";
import type { z } from "zod";
import { getSessionUser, requireApiUser, type SessionUser } from "./auth/session";
import { InvalidInput, parseInput, UserError, type Result } from "./errors";

// The one way server actions succeed or fail. Each action names the schema its form uses;
// the input is parsed again here, on the server, and the handler gets it typed (the
// functions in lib/ it calls take typed input and do not parse it again). Every
// outcome is a Result: { ok: true, ... } or { ok: false, error, fieldErrors }. Errors that
// are not the user's are logged and replaced by the action's own plain message.

export type ActionResult<T extends object = object> = Result<T>;

function failure(e: unknown, fallback: string): { ok: false; error: string; fieldErrors: Record<string, string[]> } {
  if (e instanceof InvalidInput) return { ok: false, error: e.message, fieldErrors: e.fieldErrors };
  if (e instanceof UserError) return { ok: false, error: e.message, fieldErrors: {} };
  console.error(e);
  return { ok: false, error: fallback, fieldErrors: {} };
}

async function run<T extends object>(fallback: string, body: () => Promise<T | void>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...((await body()) ?? ({} as T)) };
  } catch (e) {
    return failure(e, fallback);
  }
}

// A signed-in user's action: the session is checked before the input is read.
export function userAction<S extends z.core.$ZodType, T extends object = object>(
  schema: S,
  fallback: string,
  handler: (user: SessionUser, input: z.output<S>) => Promise<T | void>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> =>
    run(fallback, async () => {
      const user = await requireApiUser();
      return handler(user, parseInput(schema, raw));
    });
}

// An action open to guests; the handler learns whether someone is signed in.
export function guestAction<S extends z.core.$ZodType, T extends object = object>(
  schema: S,
  fallback: string,
  handler: (input: z.output<S>, user: SessionUser | null) => Promise<T | void>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => run(fallback, async () => handler(parseInput(schema, raw), await getSessionUser()));
}
