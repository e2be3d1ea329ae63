// Pools the evaluations of time-series folds into one figure per parameter set (pure, for unit
// tests). Each fold's figure covers its own held-out items, so folds count by their items: log
// loss as a weighted mean, RMSE (bins) as the root of the weighted mean square.

export type Evaluation = { logLoss: number; rmseBins: number };
export type FoldEvaluation = { items: number; evaluation: Evaluation };

export function poolFolds(folds: FoldEvaluation[]): Evaluation | null {
  const n = folds.reduce((s, f) => s + f.items, 0);
  if (n <= 0) return null;
  return {
    logLoss: folds.reduce((s, f) => s + f.items * f.evaluation.logLoss, 0) / n,
    rmseBins: Math.sqrt(folds.reduce((s, f) => s + f.items * f.evaluation.rmseBins ** 2, 0) / n),
  };
}
