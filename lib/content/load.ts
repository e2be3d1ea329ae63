import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkCatalogue, checkCitations, parseLessonFile, parseSourceRecords } from "./parse";
import type { Lesson, SourceRecords } from "./schema";

export const CONTENT_DIR = join(/*turbopackIgnore: true*/ process.cwd(), "content", "lessons");
export const SOURCES_FILE = join(/*turbopackIgnore: true*/ process.cwd(), "content", "sources.yaml");

let cachedRecords: SourceRecords | undefined;
export function getSourceRecords(): SourceRecords {
  cachedRecords ??= parseSourceRecords(SOURCES_FILE, readFileSync(/*turbopackIgnore: true*/ SOURCES_FILE, "utf8"));
  return cachedRecords;
}

export function readLessonFiles(dir = CONTENT_DIR): { path: string; lesson: Lesson }[] {
  const files = readdirSync(/*turbopackIgnore: true*/ dir).filter((f) => f.endsWith(".yaml")).sort();
  const lessons = files.map((f) => {
    const path = join(dir, f);
    return { path, lesson: parseLessonFile(path, readFileSync(/*turbopackIgnore: true*/ path, "utf8")) };
  });
  checkCatalogue(lessons);
  checkCitations(lessons, getSourceRecords());
  return lessons;
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
