import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkCatalogue, checkCitations, parseLessonFile } from "./parse";
import { getSourceRecords } from "./records";
import type { Lesson } from "./schema";
import { expandSignLists, getTiers, getWarningSigns } from "./warning-signs";

export { getSourceRecords, SOURCES_FILE } from "./records";

export const CONTENT_DIR = join(/*turbopackIgnore: true*/ process.cwd(), "content", "lessons");

export function readLessonFiles(dir = CONTENT_DIR): { path: string; lesson: Lesson }[] {
  const files = readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  const lessons = files.map((f) => {
    const path = join(dir, f);
    return { path, lesson: withSignLists(parseLessonFile(path, readFileSync(/*turbopackIgnore: true*/ path, "utf8"))) };
  });
  checkCatalogue(lessons);
  checkCitations(lessons, getSourceRecords());
  return lessons;
}

// A section body's `{{warning-signs TIER}}` line becomes that tier's list from
// content/warning-signs.yaml, so the lesson, its word count and every check see the same list.
function withSignLists(lesson: Lesson): Lesson {
  const signs = getWarningSigns();
  const tiers = getTiers();
  return { ...lesson, sections: lesson.sections.map((s) => ({ ...s, body: expandSignLists(s.body, signs, tiers) })) };
}

let cached: Lesson[] | undefined;
export function getLessons(): Lesson[] {
  cached ??= readLessonFiles()
    .map((l) => l.lesson)
    .sort((a, b) => a.order - b.order);
  return cached;
}

export function getLesson(slug: string): Lesson | undefined {
  return getLessons().find((l) => l.slug === slug);
}
