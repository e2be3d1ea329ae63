import { Rating } from "ts-fsrs";
// True retention as in Anki's stats: of the reviews made while a card was in review state
// (the log's pre-review state = 2), the share that were not "Again".

export const RETENTION_WINDOW_DAYS = 30;

export type Retention = { passed: number; total: number; ratio: number | null };

export function trueRetention(byRating: { rating: number; count: number }[]): Retention {
  let total = 0;
  let failed = 0;
  for (const r of byRating) {
    total += r.count;
    if (r.rating === Rating.Again) failed += r.count;
  }
  return { passed: total - failed, total, ratio: total ? (total - failed) / total : null };
}

export const formatPercent = (x: number | null, digits = 1) => (x == null ? "–" : `${(x * 100).toFixed(digits)}%`);
