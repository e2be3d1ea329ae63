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
      expect(
        allStrings(lesson).filter((s) => dosing.test(s)),
        p,
      ).toEqual([]);
    }
  });

  const doctor = byTopic("see-a-doctor").lesson;
  const sectionText = (id: string) => {
    const s = doctor.sections.find((x) => x.id === id)!;
    return `${s.heading}\n${s.body}`;
  };
  const cardText = (section: string) =>
    doctor.cards
      .filter((c) => c.section === section)
      .map((c) => allStrings(c).join(" "))
      .join("\n");
  const guidedBy = (id: string) => doctor.sections.find((x) => x.id === id)!.sources.flatMap((s) => ("guidance" in s ? [s.guidance] : []));

  const EMERGENCY: Record<string, RegExp> = {
    "saddle numbness": /saddle|genitals/i,
    "difficulty peeing": /pee|bladder is full/i,
    "bladder or bowel control": /bladder or bowel/i,
    "sexual problems": /sexual|erection/i,
    "both legs": /both legs/i,
    "serious accident": /accident/i,
    "chest pain": /chest pain/i,
    "sudden severe pain when older": /sudden, severe pain/i,
  };
  const SAME_DAY: Record<string, RegExp> = {
    fever: /fever/i,
    "history of cancer": /cancer/i,
    "unexplained weight loss": /weight loss/i,
    "constant or night pain": /night/i,
    "fracture risk after a minor fall": /osteoporosis/i,
    "lump or change of shape": /lump/i,
  };

  it("sorts the warning signs into the NHS's three tiers, each from named guidance", () => {
    expect(sectionText("emergency-red-flags")).toMatch(/call 999 or go to A&E/i);
    expect(sectionText("same-day-advice")).toMatch(/urgent GP appointment or call NHS 111/i);
    expect(sectionText("book-an-appointment")).toMatch(/See a GP/);
    for (const [name, re] of Object.entries(EMERGENCY)) expect(sectionText("emergency-red-flags"), name).toMatch(re);
    for (const [name, re] of Object.entries(SAME_DAY)) expect(sectionText("same-day-advice"), name).toMatch(re);
    // Fever, cancer and weight loss are same-day advice, not an emergency (NHS).
    expect(sectionText("emergency-red-flags")).not.toMatch(/fever|cancer|weight loss/i);
    for (const id of ["emergency-red-flags", "same-day-advice"]) expect(guidedBy(id), id).toContain("nhs-back-pain");
    expect(sectionText("book-an-appointment")).toMatch(/few weeks/);
    expect(sectionText("book-an-appointment")).toMatch(/inflammatory/i);
    expect(sectionText("who-should-get-advice-first")).toMatch(/children[\s\S]*pregnan[\s\S]*50/i);
  });

  it("keeps every emergency and same-day sign in a card that says what to do and why", () => {
    for (const [name, re] of Object.entries(EMERGENCY)) expect(cardText("emergency-red-flags"), name).toMatch(re);
    for (const [name, re] of Object.entries(SAME_DAY)) expect(cardText("same-day-advice"), name).toMatch(re);
    for (const c of doctor.cards.filter((x) => x.section === "emergency-red-flags")) {
      expect(allStrings(c).join(" "), c.id).toMatch(/999/);
      expect(
        c.sources.every((s) => "guidance" in s),
        c.id,
      ).toBe(true);
    }
    for (const c of doctor.cards.filter((x) => x.section === "same-day-advice")) expect(allStrings(c).join(" "), c.id).toMatch(/same day|same-day|NHS 111/i);
  });

  it("teaches each safety point the sources lack, citing named guidance, with a card or question for each", () => {
    const points: Record<string, RegExp> = {
      "heat from the first day": /heat from the first day/i,
      "care with poor circulation, Raynaud's and older skin": /Raynaud/,
      "paracetamol does not calm inflammation": /paracetamol[\s\S]*not[\s\S]*inflammation/i,
      "the maximum daily dose": /maximum daily dose/i,
      "aspirin not for under-16s": /aspirin[\s\S]*under 16/i,
      "drowsiness and driving with muscle relaxants": /drowsy[\s\S]*drive/i,
      "Epsom salt for the bath, never swallowed": /Epsom salt is for the bath/i,
      "fluid limits, kidney or heart disease": /limit fluids/i,
      "massage with bleeding disorders, blood thinners or osteoporosis": /blood thinners[\s\S]*osteoporosis/i,
      "NICE advises against traction, belts, insoles, acupuncture and TENS": /traction[\s\S]*corsets[\s\S]*insoles[\s\S]*acupuncture[\s\S]*TENS/i,
      "ice for up to 20 minutes every 2 to 3 hours": /2 to 3 hours/,
      "no heat or ice on broken or numb skin": /broken skin[\s\S]*(numb|lost feeling)/i,
      "NICE advises against benzodiazepines such as diazepam for sciatica": /benzodiazepines? such as diazepam/i,
    };
    const all = lessons.map((l) => l.lesson);
    for (const [name, re] of Object.entries(points)) {
      const sections = all.flatMap((l) => l.sections).filter((s) => re.test(s.body));
      expect(sections.length, name).toBeGreaterThan(0);
      expect(
        sections.some((s) => s.sources.some((src) => "guidance" in src)),
        name,
      ).toBe(true);
      const said = (c: object) =>
        allStrings(c)
          .join(" ")
          .replace(/\{\{|\}\}/g, "");
      const kept = all.flatMap((l) => [...l.cards, ...l.quiz]).filter((c) => re.test(said(c)) || (name.startsWith("heat") && /first day/i.test(said(c))));
      expect(kept.length, `${name}: card or question`).toBeGreaterThan(0);
    }
  });

  it("never presents the articles' unsupported claims as fact", () => {
    const text = (topic: Topic) =>
      byTopic(topic)
        .lesson.sections.map((s) => s.body)
        .join("\n");
    // Leg numbness and not being able to stand or walk are warning signs, not ordinary symptoms.
    const symptoms = byTopic("causes").lesson.sections.find((s) => s.id === "symptoms")!.body;
    expect(symptoms).toMatch(/warning signs/i);
    expect(symptoms).not.toMatch(/^\s*- (pain or numbness in a leg|moving, standing or walking)/im);
    // Sciatica, dehydration, sleep, weather, shoes: attributed, with an evidence note.
    expect(text("see-a-doctor")).toMatch(/One article says a spasm can press on the \*\*sciatic nerve\*\*[\s\S]*Evidence note/);
    expect(text("causes")).toMatch(/"common culprits"[\s\S]*Evidence note/);
    expect(text("posture")).toMatch(/too little sleep[\s\S]*Evidence note/);
    expect(text("posture")).toMatch(/shoes[\s\S]*Evidence note[\s\S]*insoles/);
    expect(text("cold-heat")).toMatch(/weather[\s\S]*Evidence note/i);
    // Traction is something NICE advises against, not a treatment on offer.
    expect(text("see-a-doctor")).toMatch(/traction[\s\S]*NG59[\s\S]*advises against/);
  });
});

describe("the content audit's bad items", () => {
  const cards = lessons.flatMap((l) => l.lesson.cards);
  const quiz = lessons.flatMap((l) => l.lesson.quiz);
  const answerOf = (c: (typeof cards)[number]) => (c.kind === "qa" ? c.back : c.kind === "cloze" ? /\{\{([^{}]+)\}\}/.exec(c.text)![1]! : c.answer);

  it("keeps none of the twelve cards that were trivia, duplicates, ambiguous or in the wrong tier (they retire through the catalogue sync)", () => {
    const retired = [
      "cold-heat-twelve-minute-source",
      "cold-heat-break-between",
      "cold-heat-ice-first-window",
      "causes-hot-humid",
      "posture-shoes",
      "posture-shoe-check",
      "posture-workstation-adjust",
      "doctor-what-they-do",
      "doctor-worsening-while-waiting",
      "doctor-urgent-action",
      "prevention-weight",
      "prevention-posture-check",
    ];
    expect(cards.map((c) => c.id).filter((id) => retired.includes(id))).toEqual([]);
  });

  it("rewards no card or quiz answer for ice first, the shortest icing break, which article said what, or the shoe advice", () => {
    const unsafe = /^ice$|24 to 72 hours|20-minute|sports injury bulletin|weight, size and shape/i;
    const answers = [...cards.map(answerOf), ...quiz.map((q) => q.answer)];
    expect(answers.filter((a) => unsafe.test(a))).toEqual([]);
  });

  it("links the 'only necessary' question to the card that teaches signs come before duration", () => {
    expect(quiz.find((q) => q.id === "quiz-doctor-8")!.card).toBe("doctor-signs-before-duration");
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
