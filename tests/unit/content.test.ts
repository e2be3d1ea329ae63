import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLessonFiles } from "../../lib/content/load";
import { parseLessonFile } from "../../lib/content/parse";
import { findBadQuotes, normalizeWhitespace } from "../../lib/content/quotes";
import { TOPICS, lessonWordCount, readingMinutes, type Lesson, type Topic } from "../../lib/content/schema";

const lessons = readLessonFiles();
const byTopic = (topic: Topic) => lessons.find((l) => l.lesson.topic === topic)!;
const MISSION_TOPICS: Topic[] = ["causes", "cold-heat", "posture", "see-a-doctor"];

/** Every string anywhere in a lesson: titles, bodies, cards, quiz and quotes. */
function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}

describe("lesson files", () => {
  it("parse without errors and share no slugs, card ids or quiz ids", () => {
    expect(lessons.length).toBeGreaterThan(0);
    const ids = lessons.flatMap(({ lesson }) => [...lesson.cards.map((c) => c.id), ...lesson.quiz.map((q) => q.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("are named after their order and slug, with orders 1 to 6 used once each", () => {
    for (const { path: p, lesson } of lessons) {
      expect(path.basename(p)).toBe(`${String(lesson.order).padStart(2, "0")}-${lesson.slug}.yaml`);
    }
    expect(lessons.map((l) => l.lesson.order).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("send every wrong quiz answer to a card in the same lesson", () => {
    for (const { lesson } of lessons) {
      const cardIds = new Set(lesson.cards.map((c) => c.id));
      for (const q of lesson.quiz) expect(cardIds.has(q.card), `${lesson.slug} ${q.id} -> ${q.card}`).toBe(true);
    }
  });

  it("reject a malformed lesson with an error that names its path", () => {
    const bad = "slug: Not A Slug\ntitle: Bad\ntopic: knees\norder: 0\nsections: []\n";
    expect(() => parseLessonFile("content/lessons/99-broken.yaml", bad)).toThrow(/content\/lessons\/99-broken\.yaml/);
    expect(() => parseLessonFile("content/lessons/98-not-yaml.yaml", "slug: [unclosed")).toThrow(/98-not-yaml\.yaml/);
  });
});

describe("the catalogue", () => {
  it("has exactly six lessons that cover all six topics", () => {
    expect(lessons).toHaveLength(6);
    expect(lessons.map((l) => l.lesson.topic).sort()).toEqual([...TOPICS].sort());
  });

  it("gives each lesson 3 to 6 minutes of reading", () => {
    for (const { lesson } of lessons) {
      const minutes = readingMinutes(lesson);
      expect(minutes, `${lesson.slug}: ${lessonWordCount(lesson)} words`).toBeGreaterThanOrEqual(3);
      expect(minutes, `${lesson.slug}: ${lessonWordCount(lesson)} words`).toBeLessThanOrEqual(6);
    }
  });

  it("has at least 60 cards, with at least 10 for each mission topic", () => {
    const total = lessons.reduce((n, l) => n + l.lesson.cards.length, 0);
    expect(total).toBeGreaterThanOrEqual(60);
    for (const topic of MISSION_TOPICS) {
      expect(byTopic(topic).lesson.cards.length, topic).toBeGreaterThanOrEqual(10);
    }
  });

  it("uses question-answer, cloze and multiple-choice cards in every lesson", () => {
    for (const { lesson } of lessons) {
      expect(new Set(lesson.cards.map((c) => c.kind)), lesson.slug).toEqual(new Set(["qa", "cloze", "mcq"]));
    }
  });

  it("asks 5 to 8 quiz questions per lesson", () => {
    for (const { lesson } of lessons) {
      expect(lesson.quiz.length, lesson.slug).toBeGreaterThanOrEqual(5);
      expect(lesson.quiz.length, lesson.slug).toBeLessThanOrEqual(8);
    }
  });
});

describe("content safety", () => {
  it("never says 'convulsion' or repeats web-page noise", () => {
    for (const { path: p, lesson } of lessons) {
      const offending = allStrings(lesson).filter((s) => /convulsion|ships within|javascript required|leave a comment/i.test(s));
      expect(offending, p).toEqual([]);
    }
  });

  it("gives no dosing advice", () => {
    const dosing = /\d+\s?(mg|milligrams?|tablets?|pills?|capsules?)\b/i;
    for (const { path: p, lesson } of lessons) {
      expect(allStrings(lesson).filter((s) => dosing.test(s)), p).toEqual([]);
    }
  });

  it("lists every emergency red flag in the see-a-doctor lesson, backed by clinical guidance and marked urgent", () => {
    const { lesson } = byTopic("see-a-doctor");
    const guided = lesson.sections.filter((s) => s.sources.some((src) => "guidance" in src));
    const text = guided.map((s) => `${s.heading}\n${s.body}`).join("\n");
    const flags: Record<string, RegExp> = {
      bladder: /bladder/i,
      bowel: /bowel/i,
      "groin or saddle": /groin|saddle/i,
      fever: /fever/i,
      trauma: /trauma/i,
      cancer: /cancer/i,
      "weight loss": /weight loss/i,
      urgent: /urgent/i,
    };
    for (const [name, re] of Object.entries(flags)) expect(re.test(text), name).toBe(true);
  });
});

describe("quote checking", () => {
  const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
  const exists = existsSync(seedsDir);
  const readSeed = (file: string) => {
    const p = path.join(seedsDir, file);
    return existsSync(p) ? readFileSync(p, "utf8") : undefined;
  };

  it.skipIf(!exists)(
    exists ? "finds every quoted citation verbatim in ../shared/seeds" : "quotes match ../shared/seeds (skipped: folder absent on this machine)",
    () => {
      const bad = findBadQuotes(lessons, readSeed);
      expect(bad.map((b) => `${b.path} ${b.where}: "${b.quote}" not in ${b.file} (${b.reason})`)).toEqual([]);
    },
  );

  const tiny: Lesson = {
    slug: "tiny",
    title: "Tiny lesson",
    topic: "causes",
    order: 1,
    summary: "A lesson used only to exercise the quote checker.",
    sections: [
      {
        id: "one",
        heading: "One",
        body: "Body text that is long enough to pass the schema check.",
        sources: [
          { file: "000_0000000000000000.txt", quote: "Heavy   lifting is\na common cause of back" },
          { guidance: "Mainstream clinical guidance, not the source documents" },
        ],
      },
    ],
    cards: [
      {
        id: "tiny-card",
        section: "one",
        kind: "qa",
        front: "What is a common cause?",
        back: "Heavy lifting",
        explanation: "The seed says so.",
        sources: [{ file: "000_0000000000000000.txt", quote: "golf is a common cause of spasms" }],
      },
    ],
    quiz: [],
  };
  const seeds: Record<string, string> = { "000_0000000000000000.txt": "Heavy lifting is a common cause\u00a0of back spasms." };

  it("reports a doctored quote with its content path and location, and accepts whitespace differences", () => {
    const bad = findBadQuotes([{ path: "content/lessons/01-tiny.yaml", lesson: tiny }], (f) => seeds[f]);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({
      path: "content/lessons/01-tiny.yaml",
      where: expect.stringContaining("tiny-card"),
      file: "000_0000000000000000.txt",
      quote: "golf is a common cause of spasms",
    });
  });

  it("reports a quote whose seed file does not exist", () => {
    const bad = findBadQuotes([{ path: "x.yaml", lesson: tiny }], () => undefined);
    expect(bad.map((b) => b.reason)).toEqual(["seed file not found", "seed file not found"]);
  });

  it("collapses whitespace runs, including non-breaking spaces, to single spaces", () => {
    expect(normalizeWhitespace("  a\n\tb\u00a0 c  ")).toBe("a b c");
  });
});
