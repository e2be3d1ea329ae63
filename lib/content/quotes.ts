import type { Lesson, Source } from "./schema";

// Pure helpers for checking that every quoted citation really appears in the
// seed document it names. No file system access here: the caller supplies a
// reader, so the same code runs in tests, scripts and the build.

/** Collapse every run of whitespace (including non-breaking spaces and newlines) to one space, and trim. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

export type BadQuote = {
  /** The content file the quote came from. */
  path: string;
  /** Where in the lesson, e.g. `sections[2] "ice-first"` or `cards[4] "causes-heavy-lifting"`. */
  where: string;
  /** The seed file the quote names. */
  file: string;
  quote: string;
  reason: string;
};

type Cited = { where: string; sources: Source[] };

function citedItems(lesson: Lesson): Cited[] {
  return [
    ...lesson.sections.map((s, i) => ({ where: `sections[${i}] "${s.id}"`, sources: s.sources })),
    ...lesson.cards.map((c, i) => ({ where: `cards[${i}] "${c.id}"`, sources: c.sources })),
    ...lesson.quiz.map((q, i) => ({ where: `quiz[${i}] "${q.id}"`, sources: q.sources })),
  ];
}

/**
 * Report every document quote that is not found, whitespace-insensitively, in the
 * file it names (or whose file cannot be read). Guidance sources are not checked.
 */
export function findBadQuotes(lessons: { path: string; lesson: Lesson }[], readSeed: (file: string) => string | undefined): BadQuote[] {
  const cache = new Map<string, string | undefined>();
  const seedText = (file: string) => {
    if (!cache.has(file)) {
      const raw = readSeed(file);
      cache.set(file, raw === undefined ? undefined : normalizeWhitespace(raw));
    }
    return cache.get(file);
  };

  const bad: BadQuote[] = [];
  for (const { path, lesson } of lessons) {
    for (const { where, sources } of citedItems(lesson)) {
      for (const source of sources) {
        if (!("file" in source)) continue;
        const { file, quote } = source;
        const text = seedText(file);
        if (text === undefined) {
          bad.push({ path, where, file, quote, reason: "seed file not found" });
        } else if (!text.includes(normalizeWhitespace(quote))) {
          bad.push({ path, where, file, quote, reason: "quote not found in seed file" });
        }
      }
    }
  }
  return bad;
}
