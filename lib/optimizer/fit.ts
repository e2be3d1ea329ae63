import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import type { Review } from "./items";

// Fits personal weights to a user's review sequences and evaluates them against the parameters
// in use (the learner's own, or the standard ones), measured on the same items.
// Runs in the jobs' worker-thread pool (lib/jobs/tasks.ts): the fit itself is async in the
// binding, but building items and evaluate() are synchronous native calls that would otherwise
// block every request for their duration.

export type Evaluation = { logLoss: number; rmseBins: number };
export type FitInput = { sequences: Review[][]; currentWeights: number[]; numRelearningSteps: number };
export type FitResult = { items: number; weights: number[]; defaultEval: Evaluation; newEval: Evaluation };

export async function fitWeights(input: FitInput, onProgress: (current: number, total: number) => void): Promise<FitResult> {
  const items: FSRSBindingItem[] = [];
  for (const seq of input.sequences) {
    const reviews = seq.map((r) => new FSRSBindingReview(r.rating, r.deltaT));
    // Same rule as itemPrefixLengths in items.ts.
    for (let i = 1; i < reviews.length; i++) {
      if (seq[i]!.deltaT > 0) items.push(new FSRSBindingItem(reviews.slice(0, i + 1)));
    }
  }
  const weights = await computeParameters(items, {
    enableShortTerm: true,
    numRelearningSteps: input.numRelearningSteps,
    timeout: 500,
    progress: onProgress,
  });
  const before = new FSRSBinding(input.currentWeights).evaluate(items);
  const after = new FSRSBinding(weights).evaluate(items);
  return {
    items: items.length,
    weights: Array.from(weights),
    defaultEval: { logLoss: before.logLoss, rmseBins: before.rmseBins },
    newEval: { logLoss: after.logLoss, rmseBins: after.rmseBins },
  };
}
