import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { itemsInTimeOrder, timeSeriesFolds, type Review } from "./items";
import { poolFolds, type Evaluation, type FoldEvaluation } from "./metrics";

// Fits personal weights to a user's review sequences and judges them on held-out later
// reviews, with fsrs-rs's time-series splits (lib/optimizer/items.ts timeSeriesFolds): for
// each fold, weights fitted only on the earlier items and the weights in use (the learner's
// own, or the standard ones) both predict the fold's later items, measured by the same
// evaluate(); the folds are pooled (lib/optimizer/metrics.ts). The weights offered are then
// fitted on every item.
// The binding's own evaluateWithTimeSeriesSplits is not used: it reports only the fitted side,
// and it regroups and filters the items before splitting them, so the weights in use could not
// be measured on the same held-out items.
// Runs in the jobs' worker-thread pool (lib/jobs/tasks.ts): building items and evaluate() are
// synchronous native calls that would otherwise block every request for their duration.

export type { Evaluation };
// lastDays[i]: the study day of the last review of sequences[i], to put items in time order.
export type FitInput = { sequences: Review[][]; lastDays: number[]; currentWeights: number[]; numRelearningSteps: number };
export type FitResult = { items: number; weights: number[]; defaultEval: Evaluation; newEval: Evaluation };

// evaluate() throws when a fold holds too few items once outliers are filtered: that fold is skipped for both sets.
function tryEvaluate(weights: number[], items: FSRSBindingItem[]): Evaluation | null {
  try {
    const e = new FSRSBinding(weights).evaluate(items);
    return { logLoss: e.logLoss, rmseBins: e.rmseBins };
  } catch {
    return null;
  }
}

export async function fitWeights(input: FitInput, onProgress: (current: number, total: number) => void): Promise<FitResult> {
  const order = itemsInTimeOrder(input.sequences, input.lastDays);
  const bindingReviews = input.sequences.map((seq) => seq.map((r) => new FSRSBindingReview(r.rating, r.deltaT)));
  const items = order.map((o) => new FSRSBindingItem(bindingReviews[o.seq]!.slice(0, o.length)));
  const folds = timeSeriesFolds(items.length);
  // Progress in steps of equal weight: each fold's fit, then the final fit.
  const steps = folds.length + 1;
  const fit = (train: FSRSBindingItem[], step: number) =>
    computeParameters(train, {
      enableShortTerm: true,
      numRelearningSteps: input.numRelearningSteps,
      timeout: 500,
      progress: (current, total) => onProgress(step * 1000 + (total > 0 ? Math.round((1000 * Math.min(current, total)) / total) : 0), steps * 1000),
    });

  const current: FoldEvaluation[] = [];
  const fitted: FoldEvaluation[] = [];
  for (const [k, fold] of folds.entries()) {
    const weights = Array.from(await fit(items.slice(0, fold.trainEnd), k));
    const test = items.slice(fold.trainEnd, fold.testEnd);
    const before = tryEvaluate(input.currentWeights, test);
    const after = tryEvaluate(weights, test);
    if (!before || !after) continue;
    current.push({ items: test.length, evaluation: before });
    fitted.push({ items: test.length, evaluation: after });
  }
  const defaultEval = poolFolds(current);
  const newEval = poolFolds(fitted);
  if (!defaultEval || !newEval) throw new Error("no time-series fold could be evaluated");
  const weights = await fit(items, folds.length);
  return { items: items.length, weights: Array.from(weights), defaultEval, newEval };
}
