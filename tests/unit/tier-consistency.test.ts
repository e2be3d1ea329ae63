import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLessonFiles } from "../../lib/content/load";
import { findTierFaults, lessonPassages, sentences, type Passage } from "../../lib/content/tier-check";
import { disclaimerLines, getTiers, getWarningSigns } from "../../lib/content/warning-signs";

const signs = getWarningSigns();
const lessons = readLessonFiles();
const describeFaults = (passages: Passage[]) => findTierFaults(passages, signs).map((f) => `${f.where}: ${f.reason}\n    "${f.text}"`);

/** The words a .tsx page puts on screen, roughly: its source with tags, braces and code lines removed. */
function pageText(source: string): string {
  return source
    .split("\n")
    .filter((l) => !/^\s*(import|export|const|let|type|return|if|for|\}|\)|\/\/)/.test(l))
    .join("\n")
    .replace(/<[^>]*>/g, " ")
    .replace(/\{[^{}]*\}/g, " ");
}
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : [],
  );
}

describe("warning-sign tiers", () => {
  it("every lesson, card and quiz question names each warning sign only with its own tier", () => {
    expect(lessons.flatMap(({ path: p, lesson }) => describeFaults(lessonPassages(path.basename(p), lesson)))).toEqual([]);
  });

  it("every page names each warning sign only with its own tier", () => {
    const passages = tsxFiles(path.resolve("app")).flatMap((f) =>
      sentences(pageText(readFileSync(f, "utf8"))).map((text) => ({ where: path.relative(process.cwd(), f), text })),
    );
    expect(describeFaults(passages)).toEqual([]);
  });

  it("the disclaimer's three lines say what to do for each tier, each naming only signs of that tier", () => {
    const lines = disclaimerLines(signs, getTiers());
    expect(lines.map((l) => l.tier)).toEqual(["emergency", "urgent", "gp"]);
    expect(describeFaults(lines.map((l) => ({ where: `disclaimer ${l.tier}`, text: l.text })))).toEqual([]);
    expect(lines[0]!.text).toMatch(/999[\s\S]*bladder or bowel/);
  });

  it("catches a sign named in the wrong tier, behind a vague 'seek medical care', or by half its wording", () => {
    const faults = (text: string, context?: string) => findTierFaults([{ where: "t", text, context }], signs).map((f) => f.reason);
    // The three worst faults of the content audit (W1, W2, W3), as they were worded.
    expect(
      faults(
        "If your pain is severe, lasts more than a few days, or comes with numbness, weakness, fever, or loss of bladder or bowel control, seek medical care.",
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/bladder-bowel-control.*vague/), expect.stringMatching(/fever.*vague/)]));
    expect(faults("numbness, pins and needles or weakness in both legs", "Call 999 or go to A&E if you have back pain and any of these:")).toEqual([
      expect.stringMatching(/both-legs.*half its wording/),
    ]);
    expect(faults("you have numbness, tingling or weakness in one leg", "Book an appointment with a GP or other healthcare professional if:")).toEqual([
      expect.stringMatching(/leg-weakness-worse" \(emergency\) next to gp/),
    ]);
    expect(faults("If leg numbness or weakness gets worse while you wait for an appointment, seek urgent care rather than waiting.")).toEqual([
      expect.stringMatching(/leg-weakness-worse.*vague/),
    ]);
    // Right tier, or no tier at all: no fault.
    expect(faults("Back pain with loss of bladder or bowel control is an emergency: call 999 or go to A&E.")).toEqual([]);
    expect(faults("a fever", "Get an urgent GP appointment or call NHS 111 the same day if you have back pain and:")).toEqual([]);
    expect(faults("Fever can mean an infection.")).toEqual([]);
  });

  it("every card named in the data file exists, is marked as a safety card and says its sign's tier", () => {
    const cards = new Map(lessons.flatMap(({ lesson }) => lesson.cards.map((c) => [c.id, c] as const)));
    const tierWords = { emergency: /999|A&E/, urgent: /same day|same-day|NHS 111/i, gp: /\bGP\b|doctor|appointment|checked/i } as const;
    const named = new Set<string>();
    for (const s of signs) {
      for (const id of s.cards) {
        named.add(id);
        const c = cards.get(id);
        expect(c, `${s.id} -> ${id}`).toBeDefined();
        expect(c!.safety, `${id} teaches ${s.id}: safety: true`).toBe(true);
        expect(JSON.stringify(c), `${id} teaches ${s.id} (${s.tier})`).toMatch(tierWords[s.tier]);
      }
    }
    const safety = [...cards.values()].filter((c) => c.safety).map((c) => c.id);
    expect(safety.sort()).toEqual([...named].sort());
  });
});
