import type { Result } from "@/lib/errors";

export const UNREACHABLE = "Could not reach the server. Check your connection and try again.";

// A server action called from the browser. A request that fails on the way (no signal, a
// server restarting) comes back as a failure with a plain message, like any refused input,
// never as an exception that would leave a button disabled and the reader with no word.
export function reached<T>(call: Promise<Result<T>>, error = UNREACHABLE): Promise<Result<T>> {
  return call.catch(() => ({ ok: false, error, fieldErrors: {} }));
}
