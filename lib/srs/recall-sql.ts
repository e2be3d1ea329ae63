// FSRS-6's forgetting curve R(t, S) = (1 + factor · t / S)^(−decay) as SQL, with the user's
// own decay (w[20]) and ts-fsrs's elapsed time (whole days since the last review, as
// get_retrievability counts them). /progress averages it; /cards shows and sorts by it.
// lib/srs/scheduler.ts retrievability() is the per-card oracle in the tests.

export function forgettingCurve(w: readonly number[]): { decay: number; factor: number } {
  const decay = -w[20]!;
  const factor = Math.round((Math.exp(Math.log(0.9) / decay) - 1) * 1e8) / 1e8;
  return { decay, factor };
}

// The expression for card alias `c`, NULL for new or never-reviewed cards. `lastReviewMs` is
// the dialect's epochMs of c."lastReview". Binds, in order: factor, now (ms), now (ms), decay.
export function retrievabilitySql(lastReviewMs: string): string {
  return `(CASE WHEN c."state" = 0 OR c."lastReview" IS NULL OR c."stability" <= 0 THEN NULL
    ELSE power(1 + ? * (CASE WHEN ? > ${lastReviewMs} THEN floor((? - ${lastReviewMs}) / 86400000) ELSE 0 END) / c."stability", ?) END)`;
}

export const retrievabilityValues = (curve: { decay: number; factor: number }, now: Date) => [curve.factor, now.getTime(), now.getTime(), curve.decay];
