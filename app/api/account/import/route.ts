import { userRoute } from "@/lib/api";
import { importAccountJson } from "@/lib/portability/import";
import { IMPORT_MAX_BYTES } from "@/lib/portability/schema";
import { exportDocumentSchema, invalidImport } from "@/lib/portability/import-schema";

export const dynamic = "force-dynamic";

// POST /api/account/import <an "unknot-export" document> - move a history into this account.
export const POST = userRoute((user, doc) => importAccountJson(user.id, doc), exportDocumentSchema, { maxBodyBytes: IMPORT_MAX_BYTES, invalid: invalidImport });
