import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

// Serves the service worker that scripts/build.ts wrote into this build's directory. It is
// read per request and never cached by HTTP, so a deploy's new worker is picked up at once.
export const dynamic = "force-dynamic";

export async function GET() {
  const file = path.join(process.cwd(), env().UNKNOT_DIST_DIR, "sw/sw.js");
  try {
    return new Response(await readFile(file), {
      headers: { "Content-Type": "application/javascript; charset=utf-8", "Cache-Control": "no-cache, no-store, must-revalidate" },
    });
  } catch {
    return new Response("// No service worker in this build (run `npm run build`).\n", {
      status: 404,
      headers: { "Content-Type": "application/javascript; charset=utf-8" },
    });
  }
}
