// An error whose message is safe to show to the user, with the HTTP status it maps to.
export class UserError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 = 400,
  ) {
    super(message);
  }
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
