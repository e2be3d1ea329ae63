import { downloadRoute } from "@/lib/download";
import { accountJsonStream, exportFileName } from "@/lib/portability/export";

export const dynamic = "force-dynamic";

// GET /api/export/data - everything stored about the user as one JSON document, streamed
export const GET = downloadRoute(accountJsonStream, "application/json; charset=utf-8", () => exportFileName("data", "json"));
