import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getLessons, getSourceRecords, readLessonFiles } from "../../lib/content/load";
import { cardView } from "../../lib/content/catalogue";
import { checkCitations, parseSourceRecords } from "../../lib/content/parse";
import { editSpinnerWords, sentenceAround } from "../../lib/content/excerpts";
import { readSeed } from "../../lib/content/seeds";
import { citedQuotes, documentLabel, guidanceLabel, resolveSources } from "../../lib/content/sources";

const records = getSourceRecords();
const lessons = getLessons();
const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seedsPresent = existsSync(seedsDir);
// A seed file's name as the content cites it, with or without its extension.
const RAW_FILE_NAME = /\d{3}_[0-9a-f]{16}|\.txt\b/;

/** Everything the lesson pages, quizzes, review cards and /sources put on screen, as plain data. */
function everythingShown(): unknown[] {
  const shown: unknown[] = [];
  for (const lesson of lessons) {
    shown.push(lesson.title, lesson.summary);
    for (const s of lesson.sections) shown.push(s.heading, s.body, resolveSources(s.sources, records));
    // The quiz page sends exactly these fields to the browser.
    for (const q of lesson.quiz) shown.push(q.question, q.choices, q.answer, q.explanation, resolveSources(q.sources, records));
    for (const c of lesson.cards) shown.push(cardView(c.id));
  }
  for (const d of records.documents) shown.push(documentLabel(d), d.kind, d.reliability, d.id);
  for (const g of records.guidance) shown.push(guidanceLabel(g), g.kind, g.reliability, g.id);
  for (const [docId, quotes] of citedQuotes(lessons, records)) {
    const file = records.documents.find((d) => d.id === docId)!.file;
    const text = readSeed(file, seedsDir);
    for (const q of quotes) shown.push(q, text === undefined ? null : sentenceAround(text, q.quote));
  }
  return shown;
}

describe("source records", () => {
  it("exist for every seed document, once each, and every citation names one", () => {
    const cited = new Set(
      lessons.flatMap((l) => [...l.sections, ...l.cards, ...l.quiz].flatMap((x) => x.sources.flatMap((s) => ("file" in s ? [s.file] : [])))),
    );
    const recorded = records.documents.map((d) => d.file);
    for (const f of cited) expect(recorded, f).toContain(f);
    if (seedsPresent) {
      const seeds = readdirSync(seedsDir).filter((f) => f.endsWith(".txt"));
      expect([...recorded].sort()).toEqual(seeds.sort());
    }
  });

  it.skipIf(!seedsPresent)(
    seedsPresent ? "give each document its title as printed in it" : "titles match ../shared/seeds (skipped: folder absent on this machine)",
    () => {
      for (const d of records.documents.filter((x) => x.titlePrinted)) {
        const firstLines = readFileSync(path.join(seedsDir, d.file), "utf8")
          .split("\n")
          .slice(0, 6)
          .map((l) => l.trim());
        expect(firstLines, d.id).toContain(d.title);
      }
    },
  );

  it("say what kind of text each source is and how far to trust it; the retailer's blog and the truncated article say so", () => {
    for (const r of [...records.documents, ...records.guidance]) {
      expect(r.kind.length, r.id).toBeGreaterThan(5);
      expect(r.reliability.length, r.id).toBeGreaterThan(20);
    }
    const byFile = (prefix: string) => records.documents.find((d) => d.file.startsWith(prefix))!;
    expect(byFile("004").kind + byFile("004").reliability).toMatch(/retailer[\s\S]*machine-reworded|machine-reworded[\s\S]*sells/i);
    expect(byFile("000").reliability).toMatch(/truncated/i);
    expect(records.guidance.map((g) => g.id)).toEqual(expect.arrayContaining(["nhs-back-pain", "nice-ng59"]));
  });

  it("give every document a label of its own, even two whose titles differ only in capitals", () => {
    const labels = records.documents.map((d) => documentLabel(d).toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
    const yaml = readFileSync(path.resolve("content/sources.yaml"), "utf8");
    const twin = yaml.replace(/\n    site: [^\n]+/g, "");
    expect(() => parseSourceRecords("content/sources.yaml", twin)).toThrow(/two documents are titled/);
  });

  it("reject a citation of unknown guidance or of a document without a record", () => {
    const [first] = readLessonFiles();
    const withGuidance = structuredClone(first!);
    withGuidance.lesson.sections[0]!.sources.push({ guidance: "made-up-guideline" });
    expect(() => checkCitations([withGuidance], records)).toThrow(/made-up-guideline.*no record/);
    const withFile = structuredClone(first!);
    withFile.lesson.cards[0]!.sources.push({ file: "999_0000000000000000.txt", quote: "not a real document at all" });
    expect(() => checkCitations([withFile], records)).toThrow(/no record in content\/sources\.yaml/);
  });

  it("reject a malformed records file with an error that names its path", () => {
    expect(() => parseSourceRecords("content/sources.yaml", "documents: []\nguidance: []\n")).toThrow(/content\/sources\.yaml/);
  });
});

describe("what pages show of a source", () => {
  it("never includes a raw seed file name, in lessons, quizzes, card backs or on /sources", () => {
    const offending = everythingShown()
      .map((x) => JSON.stringify(x))
      .filter((s) => RAW_FILE_NAME.test(s ?? ""));
    expect(offending).toEqual([]);
  });

  it("shows title and kind for every citation, and links it to its place on /sources", () => {
    const anchors = new Set([...citedQuotes(lessons, records).values()].flat().map((q) => `/sources#${q.anchor}`));
    for (const g of records.guidance) anchors.add(`/sources#${g.id}`);
    for (const lesson of lessons) {
      for (const item of [...lesson.sections, ...lesson.quiz, ...lesson.cards]) {
        for (const v of resolveSources(item.sources, records)) {
          expect(v.title.length).toBeGreaterThan(2);
          expect(v.kind.length).toBeGreaterThan(5);
          expect(anchors.has(v.href), v.href).toBe(true);
        }
      }
    }
    const card = cardView(lessons[0]!.cards[0]!.id)!;
    expect(card.sources[0]).toMatchObject({ type: "document", title: expect.any(String), kind: expect.any(String) });
  });

  it("builds a card's view once and hands the same view to every later reader", () => {
    const id = lessons[0]!.cards[0]!.id;
    expect(cardView(id)).toBe(cardView(id));
    expect(cardView("no-such-card")).toBeUndefined();
  });

  it.skipIf(!seedsPresent)(
    seedsPresent ? "finds every cited quote within its sentence in the seed file" : "quotes in context (skipped: ../shared/seeds absent)",
    () => {
      for (const [docId, quotes] of citedQuotes(lessons, records)) {
        const text = readSeed(records.documents.find((d) => d.id === docId)!.file, seedsDir)!;
        for (const q of quotes) {
          const ex = sentenceAround(text, q.quote);
          expect(ex, q.quote).toBeDefined();
          expect(`${ex!.before}${ex!.quote}${ex!.after}`).not.toMatch(/convulsion/i);
        }
      }
    },
  );
});

describe("quotes in context", () => {
  const text = "Heading without a stop\nFirst sentence here. The cold not only eases the pain but can reduce inflammation, which helps. Next one.\n";

  it("returns the sentence around a quote, stopping at full stops and line breaks", () => {
    expect(sentenceAround(text, "eases the pain but")).toEqual({
      before: "The cold not only ",
      quote: "eases the pain but",
      after: " can reduce inflammation, which helps.",
    });
    expect(sentenceAround(text, "First sentence here.")).toEqual({ before: "", quote: "First sentence here.", after: "" });
    expect(sentenceAround(text, "Heading without")).toEqual({ before: "", quote: "Heading without", after: " a stop" });
  });

  it("matches across whitespace differences and reports a quote that is not there", () => {
    expect(sentenceAround("A   muscle\ncan\u00a0spasm. Yes.", "muscle can spasm")?.quote).toBe("muscle\ncan\u00a0spasm".replace(/\s+/g, " "));
    expect(sentenceAround(text, "not in the text at all")).toBeUndefined();
  });

  it("shows the spinner's word for seizures as [spasm] around a quote", () => {
    expect(editSpinnerWords("muscle convulsions in the back and one Convulsion")).toBe("muscle [spasms] in the back and one [spasm]");
  });

  it("reads nothing, rather than failing, when the seed folder is absent", () => {
    expect(readSeed("000_8a043f1505f82ca5.txt", "/nonexistent/seeds")).toBeUndefined();
  });
});
