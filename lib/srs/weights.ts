// ts-fsrs silently falls back to its defaults for a weight array of an unexpected length,
// so a user's weights are checked here: exactly 21 finite numbers (FSRS-6). Plain code rather
// than a zod schema: the scheduler runs in the browser too (offline reviews), and zod would add
// its whole runtime to that script. An import document checks the same rule with zod
// (lib/srs/weights-schema.ts).
export const FSRS6_WEIGHT_COUNT = 21;
export const WEIGHTS_NOT_FINITE = "weights must be finite numbers";
export const WEIGHTS_WRONG_COUNT = `FSRS-6 takes exactly ${FSRS6_WEIGHT_COUNT} weights`;

export class InvalidWeightsError extends Error {}

export function checkWeights(w: unknown): number[] {
  if (!Array.isArray(w)) throw new InvalidWeightsError("weights must be an array of numbers");
  if (!w.every((x): x is number => typeof x === "number" && Number.isFinite(x))) throw new InvalidWeightsError(WEIGHTS_NOT_FINITE);
  if (w.length !== FSRS6_WEIGHT_COUNT) throw new InvalidWeightsError(WEIGHTS_WRONG_COUNT);
  return [...w];
}

export function parseStoredWeights(json: string | null): number[] | null {
  if (json == null) return null;
  return checkWeights(JSON.parse(json));
}
