import { userRoute } from "@/lib/api";
import { importAccountJson } from "@/lib/portability/import";
import { IMPORT_MAX_BYTES } from "@/lib/portability/schema";
import { exportDocumentSchema, invalidImport } from "@/lib/portability/import-schema";
import { contentSecurityPolicy, STATIC_HEADERS, transportHeaders } from "@/lib/security-headers";
import { isHttps, siteOrigin } from "@/lib/auth/site-origin";

export const dynamic = "force-dynamic";

const handle = userRoute((user, doc) => importAccountJson(user.id, doc), exportDocumentSchema, { maxBodyBytes: IMPORT_MAX_BYTES, invalid: invalidImport });

// POST /api/account/import <an "unknot-export" document> - move a history into this account.
// proxy.ts skips this route (its body buffer would cut a large export short), so the
// headers it sets everywhere else are set here.
export async function POST(req: Request): Promise<Response> {
  const res = await handle(req);
  res.headers.set("Content-Security-Policy", contentSecurityPolicy(null));
  const headers = { ...STATIC_HEADERS, ...transportHeaders(isHttps(siteOrigin(req.headers))) };
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}
