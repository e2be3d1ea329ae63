import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// The seed documents live outside the project (../shared/seeds). Pages that show quotes in
// context read them at build time; where the folder is absent they say so instead.
export const SEEDS_DIR = join(/*turbopackIgnore: true*/ process.cwd(), "..", "shared", "seeds");

export function readSeed(file: string, dir = SEEDS_DIR): string | undefined {
  const path = join(/*turbopackIgnore: true*/ dir, file);
  return existsSync(/*turbopackIgnore: true*/ path) ? readFileSync(/*turbopackIgnore: true*/ path, "utf8") : undefined;
}
