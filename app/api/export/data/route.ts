import { errorResponse } from "@/lib/api";
import { requireApiUser } from "@/lib/auth";
import { accountJsonStream, exportFileName } from "@/lib/account/export";

export const dynamic = "force-dynamic";

// GET /api/export/data - everything stored about the user as one JSON document, streamed
export async function GET(): Promise<Response> {
  try {
    const user = await requireApiUser();
    return new Response(await accountJsonStream(user.id), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName("data", "json")}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
