import { describe, expect, it } from "vitest";
import { getSourceRecords } from "../../lib/content/load";
import { getTiers, getWarningSigns, parseWarningSigns, signsOfTier, TIERS, tierInfo } from "../../lib/content/warning-signs";

const records = getSourceRecords();
const minimal = (signs: string, tiers = TIERS) =>
  [
    "tiers:",
    ...tiers.map(
      (t) => `  - { id: ${t}, label: "Label ${t}", short: "Short ${t}", action: "What to do for the ${t} tier, in full.", guidance: [nhs-back-pain] }`,
    ),
    "signs:",
    signs,
  ].join("\n");

describe("the warning-sign data file", () => {
  it("loads every sign, most urgent first, each with one tier, a yes/no question, list wording and guidance", () => {
    const signs = getWarningSigns();
    expect(signs.length).toBeGreaterThan(15);
    const ranks = signs.map((s) => TIERS.indexOf(s.tier));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(signs[0]!.tier).toBe("emergency");
    for (const s of signs) {
      expect(s.question, s.id).toMatch(/\?$/);
      expect(s.list.length, s.id).toBeGreaterThan(5);
      expect(s.guidance.length, s.id).toBeGreaterThan(0);
    }
    expect(new Set(signs.map((s) => s.id)).size).toBe(signs.length);
  });

  it("names the four tiers in order, self-care last, each with a label and what to do", () => {
    expect(getTiers().map((t) => t.id)).toEqual(["emergency", "urgent", "gp", "self-care"]);
    expect(tierInfo("emergency").short).toMatch(/999/);
    expect(tierInfo("urgent").short).toMatch(/111/);
    expect(tierInfo("gp").short).toMatch(/GP/);
  });

  it("puts the cauda equina signs, pain in both legs and worsening leg weakness in the emergency tier", () => {
    const emergency = signsOfTier("emergency").map((s) => s.id);
    for (const id of ["saddle-numbness", "peeing-difficulty", "bladder-bowel-control", "sexual-problems", "both-legs", "leg-weakness-worse"]) {
      expect(emergency).toContain(id);
    }
    const bothLegs = getWarningSigns().find((s) => s.id === "both-legs")!;
    expect(bothLegs.list).toMatch(/pain, tingling, weakness or numbness in both legs/);
    expect(signsOfTier("urgent").map((s) => s.id)).toContain("fever");
  });

  it("rejects a sign with an unknown tier, a repeated id or a guidance id with no record, naming the file", () => {
    const sign = (id: string, tier: string, guidance = "nhs-back-pain") =>
      `  - { id: ${id}, tier: ${tier}, question: "Is this a question?", list: "a sign", guidance: [${guidance}] }`;
    expect(() => parseWarningSigns("x/warning-signs.yaml", minimal(sign("a", "soon")), records)).toThrow(/x\/warning-signs\.yaml/);
    expect(() => parseWarningSigns("w.yaml", minimal(sign("a", "self-care")), records)).toThrow(/w\.yaml/);
    expect(() => parseWarningSigns("w.yaml", minimal([sign("a", "gp"), sign("a", "urgent")].join("\n")), records)).toThrow(/repeats/);
    expect(() => parseWarningSigns("w.yaml", minimal(sign("a", "gp", "made-up")), records)).toThrow(/made-up/);
    expect(() => parseWarningSigns("w.yaml", minimal(sign("a", "gp"), ["gp", "urgent", "emergency", "self-care"] as unknown as typeof TIERS), records)).toThrow(
      /in that order/,
    );
  });

  it("orders a file's signs most urgent first, keeping file order within a tier", () => {
    const sign = (id: string, tier: string) => `  - { id: ${id}, tier: ${tier}, question: "Is this a question?", list: "a sign", guidance: [nhs-back-pain] }`;
    const parsed = parseWarningSigns(
      "w.yaml",
      minimal([sign("g1", "gp"), sign("e1", "emergency"), sign("u1", "urgent"), sign("e2", "emergency")].join("\n")),
      records,
    );
    expect(parsed.signs.map((s) => s.id)).toEqual(["e1", "e2", "u1", "g1"]);
    expect(parsed.signs[0]).toMatchObject({ appliesTo: "everyone", check: true, match: [], cards: [] });
  });
});
