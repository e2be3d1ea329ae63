import { getLessons, getSourceRecords } from "./load";
import { resolveSources, type SourceView } from "./sources";
import type { ContentCard, Lesson } from "./schema";

export type CardView = {
  kind: ContentCard["kind"];
  prompt: string;
  answer: string;
  choices: string[] | null;
  explanation: string;
  lessonSlug: string;
  lessonTitle: string;
  sectionId: string;
  sectionHeading: string;
  /** The card's citations as a reader sees them (title, kind, quote, link to /sources). */
  sources: SourceView[];
};

type Entry = { card: ContentCard; lesson: Lesson; position: number };

let index: Map<string, Entry> | undefined;

function catalogueIndex(): Map<string, Entry> {
  if (!index) {
    index = new Map();
    let position = 0;
    for (const lesson of getLessons()) {
      for (const card of lesson.cards) index.set(card.id, { card, lesson, position: position++ });
    }
  }
  return index;
}

export function catalogueEntry(id: string): Entry | undefined {
  return catalogueIndex().get(id);
}

export function toCardView(card: ContentCard, lesson: Lesson): CardView {
  const section = lesson.sections.find((s) => s.id === card.section);
  const base = {
    kind: card.kind,
    explanation: card.explanation,
    lessonSlug: lesson.slug,
    lessonTitle: lesson.title,
    sectionId: card.section,
    sectionHeading: section?.heading ?? lesson.title,
    sources: resolveSources(card.sources, getSourceRecords()),
  };
  switch (card.kind) {
    case "qa":
      return { ...base, prompt: card.front, answer: card.back, choices: null };
    case "cloze":
      return {
        ...base,
        prompt: card.text.replace(/\{\{[^{}]+\}\}/, "[…]"),
        answer: card.text.replace(/\{\{([^{}]+)\}\}/, "$1"),
        choices: null,
      };
    case "mcq":
      return { ...base, prompt: card.question, answer: card.answer, choices: card.choices };
  }
}

// The card's front as the review page shows it (a cloze with its gap), without resolving
// its sources: what the catalogue table stores for /cards's search.
export function promptOf(card: ContentCard): string {
  switch (card.kind) {
    case "qa":
      return card.front;
    case "cloze":
      return card.text.replace(/\{\{[^{}]+\}\}/, "[…]");
    case "mcq":
      return card.question;
  }
}

// Built once per card and shared (callers only read it): the review queue shows one with
// every grade, and resolving its sources each time was a measurable part of a grade's CPU.
const views = new Map<string, CardView>();

export function cardView(id: string): CardView | undefined {
  let view = views.get(id);
  if (!view) {
    const e = catalogueEntry(id);
    if (!e) return undefined;
    view = toCardView(e.card, e.lesson);
    views.set(id, view);
  }
  return view;
}
