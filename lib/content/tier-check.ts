import type { ContentCard, Lesson, QuizQuestion } from "./schema";
import type { SignTier, WarningSign } from "./warning-signs";

// Finds text that names a warning sign next to a tier other than its own (content/warning-signs.yaml),
// or next to a vague "seek medical care" that hides the tier. Pure: text in, faults out.

/** The words that tell a reader how urgently to act, per tier. Checked in this order. */
const TIER_WORDS: Record<SignTier, RegExp> = {
  emergency: /\b999\b|\bA&E\b|\bemergenc(y|ies)\b/gi,
  urgent: /\bsame[- ]day\b|\bNHS 111\b|\b111\b|\burgent GP\b|\burgent (doctor|medical) (appointment|advice)\b/gi,
  gp: /\bsee a (GP|doctor)\b|\bbook(ing)? (an? |your )?(GP |doctor's )?appointment|\bGP appointment\b|\bmake an appointment\b|\broutine appointment\b|\bvisit to a (doctor|healthcare professional)\b|\bget (it |them |this |that |a back spasm |a spasm )?checked\b/gi,
};
/** Wording that says "get help" without saying how urgently: never acceptable next to a sign. */
const VAGUE =
  /\bseek (medical|urgent|professional) (care|attention|help)\b|\burgent care\b|\bget medical (help|attention|care)\b|\bmedical (attention|care)\b|\bmore worrying\b/i;

/** One piece of text to check: `text` is what names the signs; `context` adds tier words (a list's lead-in, a card's question). */
export type Passage = { where: string; text: string; context?: string };
export type TierFault = { where: string; text: string; reason: string };

const plain = (s: string) =>
  s
    .replace(/\*\*|__|\{\{|\}\}|`/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The sentences of a text, split after . ! or ? */
export function sentences(text: string): string[] {
  return plain(text)
    .split(/(?<=[.!?])\s+(?=[A-Z"(*])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A Markdown body as passages: each sentence, and each list item with the sentence that introduces its list. */
export function markdownPassages(where: string, body: string): Passage[] {
  const passages: Passage[] = [];
  let leadIn = "";
  for (const block of body.split(/\n\s*\n/)) {
    const lines = block.split("\n").filter((l) => l.trim());
    if (lines.length && lines.every((l) => /^\s*([-*]|\d+\.)\s/.test(l) || /^\s{2,}\S/.test(l))) {
      for (const item of lines) passages.push({ where, text: plain(item.replace(/^\s*([-*]|\d+\.)\s/, "")), context: leadIn });
      continue;
    }
    if (lines[0]?.startsWith("#")) {
      leadIn = "";
      continue;
    }
    const said = sentences(block);
    for (const s of said) passages.push({ where, text: s });
    leadIn = said.at(-1) ?? "";
  }
  return passages;
}

const cardPrompt = (c: ContentCard) => (c.kind === "qa" ? `${c.front} ${c.back}` : c.kind === "cloze" ? c.text : `${c.question} ${c.answer}`);

/** A card as passages: its question with its answer (never the wrong choices), then each sentence of its explanation. */
export function cardPassages(where: string, c: ContentCard): Passage[] {
  const prompt = plain(cardPrompt(c));
  return [{ where, text: prompt }, ...sentences(c.explanation).map((text) => ({ where, text, context: prompt }))];
}

/** A quiz question as passages: the question with its right answer, then its explanation. */
export function quizPassages(where: string, q: QuizQuestion): Passage[] {
  const prompt = plain(`${q.question} ${q.answer}`);
  return [{ where, text: prompt }, ...sentences(q.explanation).map((text) => ({ where, text, context: prompt }))];
}

export function lessonPassages(path: string, lesson: Lesson): Passage[] {
  return [
    ...lesson.sections.flatMap((s) => markdownPassages(`${path} section "${s.id}"`, s.body)),
    ...lesson.cards.flatMap((c) => cardPassages(`${path} card "${c.id}"`, c)),
    ...lesson.quiz.flatMap((q) => quizPassages(`${path} quiz "${q.id}"`, q)),
  ];
}

/** The tiers a text names, most urgent first; "urgent GP appointment" counts once, as urgent. */
export function tiersNamed(text: string): SignTier[] {
  let rest = text;
  const found: SignTier[] = [];
  for (const tier of ["emergency", "urgent", "gp"] as const) {
    if (new RegExp(TIER_WORDS[tier]).test(rest)) found.push(tier);
    rest = rest.replace(new RegExp(TIER_WORDS[tier]), " ");
  }
  return found;
}

/** Phrases that rule a sign out ("the leg is not weak"): removed before looking for signs. */
const NEGATED = /\b(with no|without) (weakness|numbness|pain)\b|\b(is|are) not weak\b/gi;

export const signsNamed = (text: string, signs: WarningSign[]) => {
  const said = text.replace(NEGATED, " ");
  return signs.filter((s) => s.match.some((m) => new RegExp(m, "i").test(said)));
};

export function findTierFaults(passages: Passage[], signs: WarningSign[]): TierFault[] {
  const faults: TierFault[] = [];
  for (const p of passages) {
    const named = signsNamed(p.text, signs);
    if (!named.length) continue;
    for (const s of named) {
      if (s.complete && !new RegExp(s.complete, "i").test(p.text))
        faults.push({ where: p.where, text: p.text, reason: `names "${s.id}" by half its wording (must match /${s.complete}/)` });
    }
    const around = `${p.context ?? ""} ${p.text}`;
    const tiers = tiersNamed(around);
    const vague = VAGUE.test(around);
    if (!tiers.length && !vague) continue;
    for (const s of named) {
      if (!tiers.includes(s.tier)) {
        const said = [...tiers, ...(vague ? ["a vague 'seek care'"] : [])].join(" and ");
        faults.push({ where: p.where, text: p.text, reason: `names "${s.id}" (${s.tier}) next to ${said}` });
      }
    }
  }
  return faults;
}
