// The warning-sign check as a pure step machine: the signs are asked most urgent first, one
// yes/no at a time; a "yes" ends at that sign's tier (every more urgent sign was already
// answered "no"), and "no" to every sign ends at self-care. Pages link between the steps, so
// the check needs no JavaScript and every step is a prerendered page.

// The tiers as content/warning-signs.yaml names them, most urgent first; "self-care" is the
// outcome when no sign applies.
export const CARE_TIERS = ["emergency", "urgent", "gp"] as const;
export type CareTier = (typeof CARE_TIERS)[number];
export type Outcome = CareTier | "self-care";
export const OUTCOMES: readonly Outcome[] = [...CARE_TIERS, "self-care"];

export type Step = { kind: "question"; step: number } | { kind: "result"; outcome: Outcome };

/** The signs the check asks, in order: most urgent tier first, the file's order within a tier. */
export function askingOrder<S extends { tier: CareTier; check?: boolean }>(signs: readonly S[]): S[] {
  return signs
    .filter((sign) => sign.check !== false)
    .map((sign, i) => ({ sign, i }))
    .sort((a, b) => CARE_TIERS.indexOf(a.sign.tier) - CARE_TIERS.indexOf(b.sign.tier) || a.i - b.i)
    .map((x) => x.sign);
}

/** Where an answer to question `step` (1-based, in asking order) leads. */
export function answer(ordered: readonly { tier: CareTier }[], step: number, yes: boolean): Step {
  const sign = ordered[step - 1];
  if (!sign) throw new RangeError(`no question ${step} (there are ${ordered.length})`);
  if (yes) return { kind: "result", outcome: sign.tier };
  return step < ordered.length ? { kind: "question", step: step + 1 } : { kind: "result", outcome: "self-care" };
}

export const CHECK_PATH = "/now/check";

/** The page of a step: question 1 is the check's own address. */
export function stepHref(s: Step): string {
  if (s.kind === "result") return `${CHECK_PATH}/result/${s.outcome}`;
  return s.step === 1 ? CHECK_PATH : `${CHECK_PATH}/${s.step}`;
}

export function isOutcome(x: string): x is Outcome {
  return (OUTCOMES as readonly string[]).includes(x);
}
