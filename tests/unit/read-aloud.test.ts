import { describe, expect, it } from "vitest";
import { getLessons } from "@/lib/content/load";
import { chunkText, MAX_UTTERANCE, READ_ALOUD_START, readAloudReducer, speakableParagraphs, spokenSections } from "@/lib/learn/read-aloud";

describe("the words a lesson section reads aloud", () => {
  it("keeps a link's text and drops Markdown marks, list markers and tags, one string per paragraph or item", () => {
    const md = "A **spasm** is a [cramp](https://example.test/x) of _back_ muscles.\n\n- Rest `briefly`\n- Move <em>gently</em>\n\n## Heading\n\n---";
    expect(speakableParagraphs(md)).toEqual(["A spasm is a cramp of back muscles.", "Rest briefly", "Move gently", "Heading"]);
  });

  it("cuts a long paragraph at sentence ends into pieces no longer than the limit, losing no words", () => {
    const sentence = "Heat relaxes tight muscles and eases the ache after the first day or two.";
    const text = Array.from({ length: 8 }, () => sentence).join(" ");
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(MAX_UTTERANCE);
      expect(c.endsWith(".")).toBe(true);
    }
    expect(chunks.join(" ")).toBe(text);
  });

  it("cuts a sentence longer than the limit at word ends", () => {
    const text = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const chunks = chunkText(text, 50);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(50);
    expect(chunks.join(" ")).toBe(text);
  });

  it("starts every section of every lesson with its heading and reads all of its words", () => {
    for (const lesson of getLessons()) {
      const spoken = spokenSections(lesson.sections);
      expect(spoken.map((s) => s.id)).toEqual(lesson.sections.map((s) => s.id));
      for (const [i, s] of spoken.entries()) {
        expect(s.utterances[0]).toBe(lesson.sections[i]!.heading);
        expect(s.utterances.length).toBeGreaterThan(1);
        for (const u of s.utterances) expect(u.length).toBeLessThanOrEqual(MAX_UTTERANCE);
        expect(s.utterances.join(" ")).not.toMatch(/\*\*|\]\(|<\/?[a-z]/);
      }
    }
  });
});

describe("the read-aloud player", () => {
  const step = readAloudReducer([2, 0, 1]);

  it("hides where the browser has no voices and ignores Start there", () => {
    const none = step(READ_ALOUD_START, { type: "voices", available: false });
    expect(none).toEqual({ status: "unavailable" });
    expect(step(none, { type: "start", section: 0 })).toEqual(none);
    expect(step(READ_ALOUD_START, { type: "start", section: 0 })).toEqual(READ_ALOUD_START);
  });

  it("reads from the chosen section to the end, skipping empty sections, then stops", () => {
    let s = step(READ_ALOUD_START, { type: "voices", available: true });
    expect(s).toEqual({ status: "idle" });
    s = step(s, { type: "start", section: 0 });
    expect(s).toEqual({ status: "speaking", section: 0, utterance: 0 });
    s = step(s, { type: "spoken" });
    expect(s).toEqual({ status: "speaking", section: 0, utterance: 1 });
    s = step(s, { type: "spoken" });
    expect(s).toEqual({ status: "speaking", section: 2, utterance: 0 });
    s = step(s, { type: "spoken" });
    expect(s).toEqual({ status: "idle" });
  });

  it("stops on Stop, starts again at another section, and keeps speaking when voices change", () => {
    let s = step({ status: "idle" }, { type: "start", section: 2 });
    expect(step(s, { type: "voices", available: true })).toEqual(s);
    s = step(s, { type: "start", section: 0 });
    expect(s).toEqual({ status: "speaking", section: 0, utterance: 0 });
    expect(step(s, { type: "stop" })).toEqual({ status: "idle" });
    expect(step({ status: "idle" }, { type: "start", section: 1 })).toEqual({ status: "idle" });
    expect(step({ status: "idle" }, { type: "start", section: 9 })).toEqual({ status: "idle" });
  });
});
