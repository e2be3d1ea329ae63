// A server action call's envelope, checked in the proxy before Next decodes it. Next answers
// 500 when it cannot decode the arguments of a real action (a body that is not JSON, JSON that
// is not an argument list, a reference to a part the body does not have), as if our code had
// failed; a malformed call is the caller's error, so the proxy answers 400 instead.
//
// Every action of ours takes plain data (objects, arrays, strings, numbers, booleans). React
// encodes that as one JSON array, sent as text (or as field "0" of a multipart form), in which a
// string starting with "$" is escaped as "$$" and only a few "$" tokens stand for values
// (undefined, NaN, ±Infinity, -0, dates, bigints) or for an object met twice ("$0:path", a
// path inside the arguments). Any other "$" string refers to another part of the body (files,
// streams, promises, server references), which our pages never send, so it is refused.

export const ACTION_HEADER = "next-action";

// Whether Next will try to decode this request's body as a server action's arguments
// (node_modules/next/dist/server/lib/server-action-request-meta.js). A url-encoded POST is
// refused by Next itself.
export function isFetchAction(method: string, headers: { get(name: string): string | null }): boolean {
  return method === "POST" && headers.get(ACTION_HEADER) !== null && mediaType(headers.get("content-type")) !== "application/x-www-form-urlencoded";
}

export function mediaType(contentType: string | null): string {
  return contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
}

const VALUE_TOKEN = /^\$(?:\$|D|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|T$)/;

// "$0:a:b" names root.a.b; it must exist.
function resolvesInRoot(ref: string, root: unknown): boolean {
  if (ref === "$0") return true;
  if (!ref.startsWith("$0:")) return false;
  let at: unknown = root;
  for (const key of ref.slice(3).split(":")) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, key)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}

function isPlain(value: unknown, root: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return !value.startsWith("$") || VALUE_TOKEN.test(value) || resolvesInRoot(value, root);
  if (value === null || typeof value !== "object") return true;
  return Object.values(value).every((v) => isPlain(v, root, depth + 1));
}

export function isArgumentList(text: string): boolean {
  try {
    const args: unknown = JSON.parse(text);
    return Array.isArray(args) && isPlain(args, args);
  } catch {
    return false;
  }
}

// Reads the body (the caller passes a clone), so that Next still gets the original.
export async function actionEnvelopeIsValid(request: Request): Promise<boolean> {
  try {
    if (mediaType(request.headers.get("content-type")) === "multipart/form-data") {
      const root = (await request.formData()).get("0");
      return typeof root === "string" && isArgumentList(root);
    }
    return isArgumentList(await request.text());
  } catch {
    return false;
  }
}
