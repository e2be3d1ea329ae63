import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { getSourceRecords } from "./records";
import { ContentError } from "./parse";
import type { SourceRecords } from "./schema";

// content/warning-signs.yaml: the one list of warning signs, each in exactly one urgency tier.
// Lesson 4, the disclaimer, the flare plan and the warning-sign check render from it.

/** Most urgent first. `self-care` is the outcome when no sign applies; no sign has it. */
export const TIERS = ["emergency", "urgent", "gp", "self-care"] as const;
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;
export const SIGN_TIERS = ["emergency", "urgent", "gp"] as const satisfies readonly Tier[];
export type SignTier = (typeof SIGN_TIERS)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case words joined by hyphens");
const regex = z.string().refine((s) => {
  try {
    new RegExp(s, "i");
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");
const guidanceIds = z.array(slug).min(1, "cite at least one guidance record");

export const tierInfoSchema = z.strictObject({
  id: tierSchema,
  /** The heading of the tier's list, e.g. "Emergency: call 999 or go to A&E now". */
  label: z.string().min(5).max(80),
  /** What to do, in a few words (one line of the disclaimer). */
  short: z.string().min(5).max(60),
  /** What to do, in full (the check's answer page, the lesson). */
  action: z.string().min(20).max(400),
  guidance: guidanceIds,
  /** Signs named on this tier's line of the disclaimer (each needs a `name`). */
  examples: z.array(slug).default([]),
});
export type TierInfo = z.infer<typeof tierInfoSchema>;

export const warningSignSchema = z.strictObject({
  id: slug,
  tier: z.enum(SIGN_TIERS),
  /** A plain yes/no question for the check. */
  question: z.string().min(10).max(200).regex(/\?$/, "a question ends with ?"),
  /** The short wording for a list under the tier's heading. */
  list: z.string().min(5).max(200),
  /** A few words naming the sign, for one-line summaries such as the disclaimer. */
  name: z.string().min(3).max(60).optional(),
  appliesTo: z.string().min(3).max(120).default("everyone"),
  guidance: guidanceIds,
  /** Case-insensitive patterns that find this sign named in text (for the tier-consistency test). */
  match: z.array(regex).default([]),
  /** A pattern every sentence naming the sign must also match, so the sign is never named by half its wording. */
  complete: regex.optional(),
  /** false keeps the sign out of the yes/no check (listed only). */
  check: z.boolean().default(true),
  /** The cards that teach this sign. */
  cards: z.array(slug).default([]),
});
export type WarningSign = z.infer<typeof warningSignSchema>;

export const warningSignsFileSchema = z
  .strictObject({
    tiers: z.array(tierInfoSchema),
    signs: z.array(warningSignSchema).min(1),
  })
  .superRefine((f, ctx) => {
    const tierIds = f.tiers.map((t) => t.id);
    if (tierIds.join() !== TIERS.join()) ctx.addIssue({ code: "custom", message: `tiers must be ${TIERS.join(", ")}, in that order`, path: ["tiers"] });
    const ids = f.signs.map((s) => s.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `sign id "${dup}" repeats`, path: ["signs"] });
    f.tiers.forEach((t, i) => {
      for (const id of t.examples) {
        const sign = f.signs.find((s) => s.id === id);
        if (!sign || sign.tier !== t.id || !sign.name) {
          ctx.addIssue({ code: "custom", message: `example "${id}" must be a named sign of the ${t.id} tier`, path: ["tiers", i, "examples"] });
        }
      }
    });
  });
export type WarningSignsFile = z.infer<typeof warningSignsFileSchema>;

export const WARNING_SIGNS_FILE = join(/*turbopackIgnore: true*/ process.cwd(), "content", "warning-signs.yaml");

const rank = (t: Tier) => TIERS.indexOf(t);

/** Pure: YAML text in, typed and checked value out, signs ordered most urgent first (file order within a tier). */
export function parseWarningSigns(path: string, text: string, records: SourceRecords): WarningSignsFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ContentError(`${path}: not valid YAML: ${(e as Error).message}`);
  }
  const result = warningSignsFileSchema.safeParse(raw);
  if (!result.success) throw new ContentError(`${path}: ${z.prettifyError(result.error)}`);
  const file = result.data;
  const known = new Set(records.guidance.map((g) => g.id));
  for (const item of [...file.tiers, ...file.signs]) {
    for (const g of item.guidance) {
      if (!known.has(g)) throw new ContentError(`${path}: ${item.id} cites guidance "${g}", which has no record in content/sources.yaml`);
    }
  }
  const signs = file.signs
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s.tier) - rank(b.s.tier) || a.i - b.i)
    .map((x) => x.s);
  return { tiers: file.tiers, signs };
}

let cached: WarningSignsFile | undefined;
function loaded(): WarningSignsFile {
  cached ??= parseWarningSigns(WARNING_SIGNS_FILE, readFileSync(/*turbopackIgnore: true*/ WARNING_SIGNS_FILE, "utf8"), getSourceRecords());
  return cached;
}

/** Every warning sign, most urgent first. */
export function getWarningSigns(): WarningSign[] {
  return loaded().signs;
}

/** The signs of one tier, in file order. */
export function signsOfTier(tier: SignTier): WarningSign[] {
  return getWarningSigns().filter((s) => s.tier === tier);
}

/** The four tiers with their labels and what to do, most urgent first. */
export function getTiers(): TierInfo[] {
  return loaded().tiers;
}

export function tierInfo(tier: Tier): TierInfo {
  return getTiers().find((t) => t.id === tier)!;
}

/** A lesson body's marker for a tier's list, on a line of its own: `{{warning-signs emergency}}`. */
export const SIGN_LIST_MARKER = /^\{\{warning-signs ([a-z-]+)\}\}$/gm;

/** Pure: replaces each marker line with the tier's signs as a Markdown list, in file order. */
export function expandSignLists(body: string, signs: WarningSign[], tiers: TierInfo[]): string {
  return body.replace(SIGN_LIST_MARKER, (_m, tier: string) => {
    if (!tiers.some((t) => t.id === tier) || tier === "self-care") throw new ContentError(`unknown warning-sign tier "${tier}" in {{warning-signs ${tier}}}`);
    return signs
      .filter((s) => s.tier === tier)
      .map((s) => `- ${s.list}`)
      .join("\n");
  });
}

export type DisclaimerLine = { tier: SignTier; text: string };

/** Pure: one short line per tier for the disclaimer: what to do, and the signs that call for it. */
export function disclaimerLines(signs: WarningSign[], tiers: TierInfo[]): DisclaimerLine[] {
  return SIGN_TIERS.map((tier) => {
    const info = tiers.find((t) => t.id === tier)!;
    const names = info.examples.map((id) => signs.find((s) => s.id === id)!.name!);
    // Semicolons, because a sign's name may itself contain "or".
    const list = names.join("; ");
    return { tier, text: list ? `${info.short}: ${list}.` : `${info.short}.` };
  });
}
