import { z } from "zod";

// ts-fsrs silently falls back to its defaults for a weight array of an unexpected length,
// so a user's weights are checked here: exactly 21 finite numbers (FSRS-6).
export const FSRS6_WEIGHT_COUNT = 21;
export const weightsSchema = z
  .array(z.number().refine(Number.isFinite, "weights must be finite numbers"))
  .length(FSRS6_WEIGHT_COUNT, `FSRS-6 takes exactly ${FSRS6_WEIGHT_COUNT} weights`);

export class InvalidWeightsError extends Error {}

export function checkWeights(w: unknown): number[] {
  const r = weightsSchema.safeParse(w);
  if (!r.success) throw new InvalidWeightsError(r.error.issues[0]?.message ?? "invalid weights");
  return r.data;
}

export function parseStoredWeights(json: string | null): number[] | null {
  if (json == null) return null;
  return checkWeights(JSON.parse(json));
}
