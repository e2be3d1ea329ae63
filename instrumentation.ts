// Runs once when a Next.js server process starts (Next's instrumentation hook). The optimizer's
// job runner starts here, so that page reads (/progress) never start it as a side effect.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOptimizerRunner } = await import("./lib/optimizer/runner");
  startOptimizerRunner();
}
