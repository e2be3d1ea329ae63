import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSourceRecords } from "./parse";
import type { SourceRecords } from "./schema";

export const SOURCES_FILE = join(/*turbopackIgnore: true*/ process.cwd(), "content", "sources.yaml");

let cachedRecords: SourceRecords | undefined;
export function getSourceRecords(): SourceRecords {
  cachedRecords ??= parseSourceRecords(SOURCES_FILE, readFileSync(/*turbopackIgnore: true*/ SOURCES_FILE, "utf8"));
  return cachedRecords;
}
