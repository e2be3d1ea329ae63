import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { lessonSchema, type Lesson } from "./schema";

export class ContentError extends Error {}

// Pure: text in, typed lesson out; the error names the file and the failing path.
export function parseLessonFile(path: string, text: string): Lesson {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ContentError(`${path}: not valid YAML: ${(e as Error).message}`);
  }
  const result = lessonSchema.safeParse(raw);
  if (!result.success) {
    throw new ContentError(`${path}: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export function checkCatalogue(lessons: { path: string; lesson: Lesson }[]): void {
  const seen = new Map<string, string>();
  const claim = (key: string, path: string) => {
    const prior = seen.get(key);
    if (prior) throw new ContentError(`${path}: ${key} is also used in ${prior}`);
    seen.set(key, path);
  };
  for (const { path, lesson } of lessons) {
    claim(`lesson slug "${lesson.slug}"`, path);
    for (const c of lesson.cards) claim(`card id "${c.id}"`, path);
    for (const q of lesson.quiz) claim(`quiz question id "${q.id}"`, path);
  }
}
