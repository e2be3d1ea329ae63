import { z } from "zod";

// An error whose message is safe to show to the user, with the HTTP status it maps to.
export class UserError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 = 400,
  ) {
    super(message);
  }
}

export type FieldErrors = Record<string, string[]>;

// Input that failed validation: a message for the form, and one per field where known.
export class InvalidInput extends UserError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message, 422);
  }
}

// A problem with one field that only the server can see (a taken email, a weak password).
export class FieldError extends InvalidInput {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, { [field]: [message] });
  }
}

export function fieldErrorsOf(error: z.core.$ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "")] ??= []).push(issue.message);
  return out;
}

// Parses with the form's own schema (zod's classic API or zod/mini, as the form's client code
// uses it); a failure names every field that is wrong.
export function parseInput<S extends z.core.$ZodType>(schema: S, raw: unknown, message?: string): z.output<S> {
  const parsed = z.safeParse(schema, raw);
  if (parsed.success) return parsed.data;
  throw new InvalidInput(message ?? parsed.error.issues[0]?.message ?? "Invalid input.", fieldErrorsOf(parsed.error));
}

// What a route answers when its body fails its schema: by default the first problem found.
export type InvalidBody = (error: z.ZodError) => string;
const firstIssue: InvalidBody = (error) => error.issues[0]?.message ?? "Invalid request.";

// A route's body (lib/api.ts), parsed by its schema, or a 400 that says what is wrong.
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, invalid: InvalidBody = firstIssue): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UserError(invalid(parsed.error), 400);
  return parsed.data;
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: string; fieldErrors: FieldErrors };
