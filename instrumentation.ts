import { PHASE_PRODUCTION_BUILD } from "next/constants";

// Runs once when a Next.js server process starts (Next's instrumentation hook). The optimizer's
// job runner starts here, so that page reads (/progress) never start it as a side effect.
// `next build` runs this hook too, while it collects page data: there the runner would open
// (and create) the default database file, so it starts only in a server.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startOptimizerRunner } = await import("./lib/optimizer/runner");
  startOptimizerRunner();
}
