import { errorResponse } from "@/lib/api";
import { requireApiUser } from "@/lib/auth";
import { exportFileName, reviewCsvStream } from "@/lib/account/export";

export const dynamic = "force-dynamic";

// GET /api/export/reviews - the review log as CSV (the FSRS optimizer format), streamed
export async function GET(): Promise<Response> {
  try {
    const user = await requireApiUser();
    return new Response(await reviewCsvStream(user.id), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName("revlog", "csv")}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
