import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";
import { statements } from "@/lib/db/statements";

export const dynamic = "force-dynamic";

// GET /api/ping - a signed-in no-op: verifies the session (one statement) and answers.
// `npm run bench` loads it to measure the framework's floor beside the real routes. A server
// started by the bench (UNKNOT_BENCH_STATEMENTS=1) also reports how many SQL statements it
// has sent in all, so the bench can divide a run's statements by its grades.
export async function GET(): Promise<NextResponse> {
  const session = await getServerSession(authOptions);
  if (!session?.user) return NextResponse.json({ ok: false, error: "Sign in first." }, { status: 401 });
  return NextResponse.json(process.env.UNKNOT_BENCH_STATEMENTS === "1" ? { ok: true, statements: statements.count } : { ok: true });
}
