import { heldOutStart } from "./folds";

// What an optimisation result means, in plain words (pure, unit-tested). The parameters in use
// when the job ran (the learner's own, or the standard ones) and newly fitted ones are both
// judged on held-out later reviews (lib/optimizer/fit.ts: the new ones fitted only on reviews
// before them); the new ones are offered only when they predict better, and with enough
// history a health check says what would make memory easier to predict.

export type Evaluation = { logLoss: number; rmseBins: number };

// Anki's health check needs more than 300 training items before it says anything.
export const HEALTH_CHECK_MIN_ITEMS = 300;
// Our own thresholds for "hard to predict": the FSRS benchmark's typical figures are well below.
export const HARD_TO_PREDICT_RMSE = 0.1;
export const HARD_TO_PREDICT_LOG_LOSS = 0.5;

export const KEEP_CURRENT = "Your current settings already predict your memory well. Nothing needs to change.";

// How much better the new parameters predict, in whole per cent of the current log loss (0: not better).
export function improvementPercent(current: Evaluation, next: Evaluation): number {
  if (!(current.logLoss > 0) || !(next.logLoss < current.logLoss)) return 0;
  return Math.round((100 * (current.logLoss - next.logLoss)) / current.logLoss);
}

// How many of a job's training items both sets predicted (the later five sixths, as fsrs-rs's
// five time-series folds test them).
export const heldOutItems = (items: number) => items - heldOutStart(items);

export type Verdict = { offer: boolean; message: string };

export function verdictOf(current: Evaluation, next: Evaluation, personalNow: boolean): Verdict {
  const pct = improvementPercent(current, next);
  if (pct <= 0) return { offer: false, message: KEEP_CURRENT };
  return {
    offer: true,
    message: `Personal parameters predict your later answers about ${pct}% better than ${personalNow ? "your current ones" : "the standard ones"}: fitted only on your earlier reviews, they guessed more of what you went on to remember and forget. Apply them to schedule your reviews by them.`,
  };
}

// The health check: null below HEALTH_CHECK_MIN_ITEMS; otherwise whether memory is hard to
// predict, and what helps (Anki 25.07's advice, in our words).
export type HealthCheck = { hardToPredict: boolean; summary: string; tips: string[] };

export function healthCheck(items: number, fitted: Evaluation, leeches: number): HealthCheck | null {
  if (items <= HEALTH_CHECK_MIN_ITEMS) return null;
  const hard = fitted.rmseBins >= HARD_TO_PREDICT_RMSE || fitted.logLoss >= HARD_TO_PREDICT_LOG_LOSS;
  if (!hard) return { hardToPredict: false, summary: "Your memory is predictable: your reviews follow a clear pattern.", tips: [] };
  const tips = [
    "Answer consistently: grade what you recalled, not how you feel about the card today.",
    "“Hard” means you remembered, with effort. If you forgot, press “Again”.",
  ];
  if (leeches > 0) tips.push(`Reword or suspend the cards you always forget (${leeches} keep being forgotten).`);
  return { hardToPredict: true, summary: "Your memory is hard to predict from your reviews, so intervals are less exact than they could be.", tips };
}
