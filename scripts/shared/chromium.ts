import { existsSync } from "node:fs";
import { testEnv } from "../../lib/env";

// A bare machine has no browser and cannot download one: Debian's Chromium is used when it is
// there (or CHROMIUM_PATH names one), otherwise the Chromium that @sparticuz/chromium ships
// inside its npm package, extracted on first use. The e2e tests and the bench's Lighthouse run
// both drive it.
export async function chromiumPath(): Promise<string> {
  const configured = testEnv().CHROMIUM_PATH;
  if (configured) return configured;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const { default: bundled } = await import("@sparticuz/chromium");
  return bundled.executablePath();
}
