import { createHash } from "node:crypto";
import { normalizeWhitespace } from "./quotes";
import type { DocumentRecord, GuidanceRecord, Lesson, Source, SourceRecords } from "./schema";

// What a page shows for one citation: the record's title and kind, the quote, and a link
// to the /sources page. Never the seed file's name.
export type SourceView =
  { type: "document"; title: string; kind: string; quote: string; href: string } | { type: "guidance"; title: string; kind: string; href: string };

export const GUIDANCE_KIND = "Mainstream clinical guidance (not from the source documents)";
export const SOURCES_PATH = "/sources";

/** The anchor of one quote on /sources: stable for the same record and quote text. */
export function quoteAnchor(recordId: string, quote: string): string {
  return `${recordId}-${createHash("sha256").update(normalizeWhitespace(quote)).digest("hex").slice(0, 8)}`;
}

export function documentLabel(d: DocumentRecord): string {
  const title = d.titlePrinted ? d.title : `${d.title} (no title printed)`;
  return d.site ? `${title}, ${d.site}` : title;
}

export function guidanceLabel(g: GuidanceRecord): string {
  return `${g.publisher}: ${g.title}`;
}

export function resolveSources(sources: Source[], records: SourceRecords): SourceView[] {
  return sources.map((s) => {
    if ("file" in s) {
      const d = records.documents.find((r) => r.file === s.file);
      if (!d) throw new Error(`no source record for a cited document`);
      return { type: "document", title: documentLabel(d), kind: d.kind, quote: s.quote, href: `${SOURCES_PATH}#${quoteAnchor(d.id, s.quote)}` };
    }
    const g = records.guidance.find((r) => r.id === s.guidance);
    if (!g) throw new Error(`no source record for guidance "${s.guidance}"`);
    return { type: "guidance", title: guidanceLabel(g), kind: GUIDANCE_KIND, href: `${SOURCES_PATH}#${g.id}` };
  });
}

export type CitedQuote = {
  anchor: string;
  quote: string;
  /** Where the quote is cited: a lesson and the section a reader can open. */
  citedIn: { lessonSlug: string; lessonTitle: string; sectionId: string; sectionHeading: string }[];
};

/** Every distinct quote cited from each document, in course order, with where it is cited. */
export function citedQuotes(lessons: Lesson[], records: SourceRecords): Map<string, CitedQuote[]> {
  const byDoc = new Map<string, Map<string, CitedQuote>>(records.documents.map((d) => [d.id, new Map()]));
  for (const lesson of lessons) {
    const heading = (id: string) => lesson.sections.find((s) => s.id === id)?.heading ?? lesson.title;
    const quizSection = (cardId: string) => lesson.cards.find((c) => c.id === cardId)?.section ?? lesson.sections[0]!.id;
    const items = [
      ...lesson.sections.map((s) => ({ sectionId: s.id, sources: s.sources })),
      ...lesson.cards.map((c) => ({ sectionId: c.section, sources: c.sources })),
      ...lesson.quiz.map((q) => ({ sectionId: quizSection(q.card), sources: q.sources })),
    ];
    for (const item of items) {
      for (const s of item.sources) {
        if (!("file" in s)) continue;
        const d = records.documents.find((r) => r.file === s.file);
        if (!d) continue;
        const quotes = byDoc.get(d.id)!;
        const anchor = quoteAnchor(d.id, s.quote);
        const entry = quotes.get(anchor) ?? { anchor, quote: normalizeWhitespace(s.quote), citedIn: [] };
        quotes.set(anchor, entry);
        if (!entry.citedIn.some((c) => c.lessonSlug === lesson.slug && c.sectionId === item.sectionId)) {
          entry.citedIn.push({ lessonSlug: lesson.slug, lessonTitle: lesson.title, sectionId: item.sectionId, sectionHeading: heading(item.sectionId) });
        }
      }
    }
  }
  return new Map([...byDoc].map(([id, m]) => [id, [...m.values()]]));
}
