import { z } from "zod";

// The shape of every file under content/lessons. Parsed at load time so that a
// malformed file fails `npm test` (and the build) with its path, never at runtime.

export const TOPICS = ["causes", "cold-heat", "posture", "see-a-doctor", "remedies", "prevention"] as const;
export const topicSchema = z.enum(TOPICS);
export type Topic = z.infer<typeof topicSchema>;

export const TOPIC_LABELS: Record<Topic, string> = {
  causes: "Causes and symptoms",
  "cold-heat": "Cold versus heat",
  posture: "Posture and support",
  "see-a-doctor": "When to see a doctor",
  remedies: "Other remedies",
  prevention: "Prevention",
};

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case words joined by hyphens");

const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

// A claim either rests on one of the seed documents (checked verbatim by a test)
// or, for safety facts the documents lack, on mainstream clinical guidance.
export const documentSourceSchema = z.strictObject({
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, "name a file in ../shared/seeds/"),
  quote: z
    .string()
    .min(8)
    .refine((q) => wordCount(q) <= 25, "a quote is at most 25 words"),
});
// A guidance citation names a record in content/sources.yaml (NHS, NICE NG59, ...), so the
// reader sees which guidance says it; the id is checked against the records at load time.
export const guidanceSourceSchema = z.strictObject({
  guidance: slug,
});
export const sourceSchema = z.union([documentSourceSchema, guidanceSourceSchema]);
export type Source = z.infer<typeof sourceSchema>;

// content/sources.yaml: one record per seed document and per piece of named guidance.
export const documentRecordSchema = z.strictObject({
  id: slug,
  file: documentSourceSchema.shape.file,
  title: z.string().min(3).max(160),
  // false when the document prints no title and `title` is our description of it.
  titlePrinted: z.boolean().default(true),
  // Where it was published, shown after the title: tells apart documents whose titles match.
  site: z.string().min(3).max(60).optional(),
  kind: z.string().min(5).max(120),
  reliability: z.string().min(20).max(300),
});
export const guidanceRecordSchema = z.strictObject({
  id: slug,
  publisher: z.string().min(2).max(80),
  title: z.string().min(3).max(160),
  kind: z.string().min(5).max(120),
  reliability: z.string().min(20).max(300),
});
export const sourceRecordsSchema = z
  .strictObject({
    documents: z.array(documentRecordSchema).min(1),
    guidance: z.array(guidanceRecordSchema).min(1),
  })
  .superRefine((r, ctx) => {
    const ids = [...r.documents, ...r.guidance].map((x) => x.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `record id "${dup}" repeats`, path: [] });
    const titles = r.documents.map((d) => `${d.title} ${d.site ?? ""}`.toLowerCase());
    const same = titles.find((t, i) => titles.indexOf(t) !== i);
    if (same) ctx.addIssue({ code: "custom", message: `two documents are titled "${same.trim()}": give one a site`, path: ["documents"] });
    const files = r.documents.map((d) => d.file);
    if (new Set(files).size !== files.length) ctx.addIssue({ code: "custom", message: "two records name the same file", path: ["documents"] });
  });
export type SourceRecords = z.infer<typeof sourceRecordsSchema>;
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
export type GuidanceRecord = z.infer<typeof guidanceRecordSchema>;

const sources = z.array(sourceSchema).min(1, "cite at least one source");

export const sectionSchema = z.strictObject({
  id: slug,
  heading: z.string().min(3).max(120),
  body: z.string().min(40),
  sources,
  // Its cards are quick relief (what eases a spasm now): offered first on a bad day.
  quickRelief: z.boolean().optional(),
});

const choices = z.array(z.string().min(1).max(200)).min(3).max(5);

const cardBase = {
  id: slug,
  section: slug,
  // A warning-sign card (one named in content/warning-signs.yaml): kept at a higher retention and never suspended as a leech (lib/srs/safety.ts).
  safety: z.boolean().optional(),
  explanation: z.string().min(10).max(300),
  sources,
};

export const qaCardSchema = z.strictObject({
  ...cardBase,
  kind: z.literal("qa"),
  front: z.string().min(5).max(300),
  back: z.string().min(1).max(300),
});
export const clozeCardSchema = z.strictObject({
  ...cardBase,
  kind: z.literal("cloze"),
  // Exactly one blank written as {{answer}}.
  text: z
    .string()
    .min(10)
    .max(300)
    .refine((t) => (t.match(/\{\{[^{}]+\}\}/g) ?? []).length === 1, "a cloze has exactly one {{blank}}"),
});
export const mcqCardSchema = z
  .strictObject({
    ...cardBase,
    kind: z.literal("mcq"),
    question: z.string().min(5).max(300),
    choices,
    answer: z.string().min(1),
  })
  .refine((c) => c.choices.includes(c.answer), { message: "answer must be one of the choices", path: ["answer"] });
export const cardSchema = z.union([qaCardSchema, clozeCardSchema, mcqCardSchema]);
export type ContentCard = z.infer<typeof cardSchema>;

export const quizQuestionSchema = z
  .strictObject({
    id: slug,
    question: z.string().min(5).max(300),
    choices,
    answer: z.string().min(1),
    explanation: z.string().min(10).max(300),
    card: slug, // the card a wrong answer sends to the review deck
    sources,
  })
  .refine((q) => q.choices.includes(q.answer), { message: "answer must be one of the choices", path: ["answer"] })
  .refine((q) => new Set(q.choices).size === q.choices.length, { message: "choices must differ", path: ["choices"] });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const lessonSchema = z
  .strictObject({
    slug,
    title: z.string().min(5).max(120),
    topic: topicSchema,
    order: z.number().int().min(1),
    summary: z.string().min(20).max(300),
    sections: z.array(sectionSchema).min(3),
    cards: z.array(cardSchema).min(1),
    quiz: z.array(quizQuestionSchema).min(5).max(8),
  })
  .superRefine((lesson, ctx) => {
    const sectionIds = new Set(lesson.sections.map((s) => s.id));
    if (sectionIds.size !== lesson.sections.length) ctx.addIssue({ code: "custom", message: "section ids repeat", path: ["sections"] });
    const cardIds = new Set(lesson.cards.map((c) => c.id));
    if (cardIds.size !== lesson.cards.length) ctx.addIssue({ code: "custom", message: "card ids repeat", path: ["cards"] });
    lesson.cards.forEach((c, i) => {
      if (!sectionIds.has(c.section)) ctx.addIssue({ code: "custom", message: `unknown section "${c.section}"`, path: ["cards", i, "section"] });
    });
    lesson.quiz.forEach((q, i) => {
      if (!cardIds.has(q.card)) ctx.addIssue({ code: "custom", message: `unknown card "${q.card}"`, path: ["quiz", i, "card"] });
    });
  });
export type Lesson = z.infer<typeof lessonSchema>;

export const lessonWordCount = (lesson: Lesson) => lesson.sections.reduce((n, s) => n + wordCount(s.body), 0);
// 200 words a minute: a plain-language health text read with care.
export const readingMinutes = (lesson: Lesson) => Math.max(1, Math.round(lessonWordCount(lesson) / 200));
