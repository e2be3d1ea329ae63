import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { lessonSchema, sourceRecordsSchema, type Lesson, type SourceRecords } from "./schema";

export class ContentError extends Error {}

// Pure: YAML text in, typed value out; the error names the file and the failing path.
function parseYamlWith<T>(path: string, text: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ContentError(`${path}: not valid YAML: ${(e as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ContentError(`${path}: ${z.prettifyError(result.error)}`);
  return result.data;
}

export const parseLessonFile = (path: string, text: string): Lesson => parseYamlWith(path, text, lessonSchema);
export const parseSourceRecords = (path: string, text: string): SourceRecords => parseYamlWith(path, text, sourceRecordsSchema);

// Every cited document and guidance must have a record, so no page falls back to a file name.
export function checkCitations(lessons: { path: string; lesson: Lesson }[], records: SourceRecords): void {
  const files = new Set(records.documents.map((d) => d.file));
  const guidance = new Set(records.guidance.map((g) => g.id));
  for (const { path, lesson } of lessons) {
    const items = [...lesson.sections, ...lesson.cards, ...lesson.quiz];
    for (const item of items) {
      for (const s of item.sources) {
        if ("file" in s && !files.has(s.file)) throw new ContentError(`${path}: ${item.id} cites ${s.file}, which has no record in content/sources.yaml`);
        if ("guidance" in s && !guidance.has(s.guidance))
          throw new ContentError(`${path}: ${item.id} cites guidance "${s.guidance}", which has no record in content/sources.yaml`);
      }
    }
  }
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
