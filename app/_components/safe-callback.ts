// Where to go after signing in (or after a stale session is ended): a path on this site only,
// never another origin. The string is parsed as a browser would parse it, relative to a
// stand-in origin, and kept only if it stays on that origin. Checking the raw text is not
// enough: the URL parser drops tabs and newlines and reads a backslash as a slash, so
// "/\t/evil.example" and "/\\evil.example" name another host. What is returned is the parsed
// path (with its query and fragment), never the raw text.
const STAND_IN = "http://unknot.invalid";
const MAX_LENGTH = 2048;

// `raw` is a query parameter as a page receives it: absent, repeated (an array, refused) or one
// string.
export function safeCallback<F extends string | null>(raw: string | string[] | null | undefined, fallback: F): string | F {
  if (typeof raw !== "string" || !raw || raw.length > MAX_LENGTH) return fallback;
  let url: URL;
  try {
    url = new URL(raw, STAND_IN);
  } catch {
    return fallback;
  }
  if (url.origin !== STAND_IN || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which names a host again.
  if (!path.startsWith("/") || path.startsWith("//") || new URL(path, STAND_IN).origin !== STAND_IN) return fallback;
  return path;
}
