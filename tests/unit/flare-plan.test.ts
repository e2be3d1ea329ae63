import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getLessons, getSourceRecords } from "@/lib/content/load";
import { normalizeWhitespace } from "@/lib/content/quotes";
import { readSeed, SEEDS_DIR } from "@/lib/content/seeds";
import { getFlarePlan, parseFlarePlan } from "@/lib/now/flare-plan";
import { ILLUSTRATION_IDS, LESSON_ILLUSTRATIONS } from "@/lib/now/illustrations";

const plan = getFlarePlan();
const lessons = getLessons();
const documentQuotes = plan.steps.flatMap((s) => s.sources.flatMap((src) => ("file" in src ? [{ step: s.id, ...src }] : [])));

describe("the flare plan (content/flare-plan.yaml)", () => {
  it("links every step to lesson sections that exist", () => {
    for (const step of plan.steps) {
      for (const m of step.more) {
        const lesson = lessons.find((l) => l.slug === m.lesson);
        expect(
          lesson?.sections.some((s) => s.id === m.section),
          `${step.id} -> ${m.lesson}#${m.section}`,
        ).toBe(true);
      }
    }
  });

  it("cites only records that exist, and only quotes the lessons cite too (so /sources shows each in its sentence)", () => {
    const records = getSourceRecords();
    const guidance = new Set(records.guidance.map((g) => g.id));
    for (const src of [...plan.steps.flatMap((s) => s.sources), ...plan.timer.gapSources]) {
      if ("guidance" in src) expect(guidance.has(src.guidance), src.guidance).toBe(true);
    }
    const lessonQuotes = new Set(
      lessons.flatMap((l) =>
        [...l.sections, ...l.cards, ...l.quiz].flatMap((x) => x.sources.flatMap((s) => ("file" in s ? [`${s.file} ${normalizeWhitespace(s.quote)}`] : []))),
      ),
    );
    for (const q of documentQuotes) expect(lessonQuotes.has(`${q.file} ${normalizeWhitespace(q.quote)}`), `${q.step}: "${q.quote}"`).toBe(true);
  });

  it.skipIf(!existsSync(SEEDS_DIR))("finds every quote verbatim in its seed document", () => {
    const bad = documentQuotes.filter((q) => !normalizeWhitespace(readSeed(q.file) ?? "").includes(normalizeWhitespace(q.quote)));
    expect(bad).toEqual([]);
  });

  it("offers timer lengths only within the cited 10 to 20 minutes", () => {
    for (const m of [...plan.timer.choices.cold, ...plan.timer.choices.heat]) {
      expect(m).toBeGreaterThanOrEqual(10);
      expect(m).toBeLessThanOrEqual(20);
    }
  });

  it("rejects a step with an unknown illustration or no source, naming the file", () => {
    const bad = `steps:\n  - { id: a, heading: Heading, body: "A body that is long enough.", illustrations: [cartwheel], more: [{ lesson: posture, section: sleeping }], sources: [{ guidance: nhs-back-pain }] }\ntimer: { choices: { cold: [10], heat: [20] }, gapMinutes: 120, gapSources: [{ guidance: nhs-back-pain }] }\n`;
    expect(() => parseFlarePlan("x/flare-plan.yaml", bad)).toThrow(/x\/flare-plan\.yaml/);
    expect(() =>
      parseFlarePlan("x/flare-plan.yaml", bad.replace("[cartwheel]", "[]").replace("sources: [{ guidance: nhs-back-pain }] }\ntimer", "sources: [] }\ntimer")),
    ).toThrow(/flare-plan/);
  });
});

describe("illustrations in the lessons", () => {
  it("sit only in lesson sections that exist and teach the pictured move", () => {
    for (const [key, ids] of Object.entries(LESSON_ILLUSTRATIONS)) {
      const [slug, section] = key.split("#");
      const s = lessons.find((l) => l.slug === slug)?.sections.find((x) => x.id === section);
      expect(s, key).toBeDefined();
      for (const id of ids) expect(ILLUSTRATION_IDS).toContain(id);
    }
  });
});
