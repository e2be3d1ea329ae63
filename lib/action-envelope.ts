// A server action call's envelope, checked in the proxy before Next decodes it. Next answers
// 500 when it cannot decode the arguments of a real action (a body that is not JSON, or JSON
// that is not an argument list), as if our code had failed; a malformed call is the caller's
// error, so the proxy answers 400 instead. The browser's own calls always pass: React encodes
// the arguments as a JSON array, sent as text or, when they hold files or forms, as field "0"
// of a multipart form.

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

export function isArgumentList(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
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
