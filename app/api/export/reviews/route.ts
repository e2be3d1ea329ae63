import { downloadRoute } from "@/lib/download";
import { exportFileName, reviewCsvStream } from "@/lib/portability/export";

export const dynamic = "force-dynamic";

// GET /api/export/reviews - the review log as CSV (the FSRS optimizer format), streamed
export const GET = downloadRoute(reviewCsvStream, "text/csv; charset=utf-8", () => exportFileName("revlog", "csv"));
