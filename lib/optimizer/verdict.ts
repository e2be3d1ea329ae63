// What an optimisation result means, in plain words (pure, unit-tested). The parameters in use
// when the job ran (the learner's own, or the standard ones) and the newly fitted ones are
// both measured on the learner's reviews; the new ones are offered only when they predict
// better, and with enough history a health check says what would make memory easier to predict.

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

export type Verdict = { offer: boolean; message: string };

export function verdictOf(current: Evaluation, next: Evaluation, personalNow: boolean): Verdict {
  const pct = improvementPercent(current, next);
  if (pct <= 0) return { offer: false, message: KEEP_CURRENT };
  return {
    offer: true,
    message: `New parameters predict your answers about ${pct}% better than ${personalNow ? "your current ones" : "the standard ones"}. Apply them to schedule your reviews by them.`,
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
