import { Rating, State } from "ts-fsrs";
import { heldOutStart, TIME_SERIES_FOLDS } from "./folds";
// Training items for the FSRS optimizer, built from our review log the way the binding's
// convertCsvToFsrsItems builds them from a CSV (ts-fsrs packages/binding/src/convert.rs):
// - per card, reviews in time order; only the history from the start of the card's last
//   contiguous block of New/Learning (pre-review state 0 or 1) reviews is kept;
// - delta_t = whole study days since the previous kept review (0 for the first);
// - one item per review made on a later study day than the review before it (delta_t > 0),
//   holding the card's whole history up to and including that review. (Checked against
//   binding 0.5.0 by tests/unit/optimizer-items.test.ts: same-day reviews yield no item.)
// Study days are the stored ReviewLog.reviewDay (the user's zone and rollover hour when the
// review was made), so no time-zone arithmetic is repeated here. Pure, for unit tests.

export const FULL_TRAINING_MIN_ITEMS = 64;

export type LogPoint = { rating: number; state: number; reviewDay: number };
export type Review = { rating: number; deltaT: number };

export function trimToLastLearningBlock<T extends { state: number }>(logs: T[]): T[] {
  let start = -1;
  for (let i = logs.length - 1; i >= 0; i--) {
    if (logs[i]!.state === State.New || logs[i]!.state === State.Learning) start = i;
    else if (start !== -1) break;
  }
  return start === -1 ? [] : logs.slice(start);
}

// One card's sequence of reviews (rating, delta_t); logs must be in time order.
export function cardSequence(logs: LogPoint[]): Review[] {
  const kept = trimToLastLearningBlock(logs.filter((l) => l.rating >= Rating.Again && l.rating <= Rating.Easy));
  return kept.map((l, i) => ({ rating: l.rating, deltaT: i === 0 ? 0 : Math.max(0, l.reviewDay - kept[i - 1]!.reviewDay) }));
}

// The items a sequence yields, each as the length of its history prefix.
export function itemPrefixLengths(seq: Review[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < seq.length; i++) if (seq[i]!.deltaT > 0) out.push(i + 1);
  return out;
}

export const countItems = (seqs: Review[][]) => seqs.reduce((n, s) => n + itemPrefixLengths(s).length, 0);

// The items of all sequences in time order: by the study day of the item's last review, then
// card, then position (a stable, deterministic order). `lastDays[i]` is the study day of the
// last review of `seqs[i]`; the day of each earlier review follows from the deltas. fsrs-rs's
// time-series splits take items in this order (its TimeSeriesSplit assumes sorted items).
export type TimedItem = { seq: number; length: number; day: number };

export function itemsInTimeOrder(seqs: Review[][], lastDays: number[]): TimedItem[] {
  const out: TimedItem[] = [];
  seqs.forEach((seq, s) => {
    let day = lastDays[s]!;
    const days: number[] = new Array<number>(seq.length);
    for (let i = seq.length - 1; i >= 0; i--) {
      days[i] = day;
      day -= seq[i]!.deltaT;
    }
    for (const length of itemPrefixLengths(seq)) out.push({ seq: s, length, day: days[length - 1]! });
  });
  return out.sort((a, b) => a.day - b.day || a.seq - b.seq || a.length - b.length);
}

// fsrs-rs's time-series splits (lib/optimizer/folds.ts).

export type Fold = { trainEnd: number; testEnd: number };

export function timeSeriesFolds(items: number): Fold[] {
  const size = heldOutStart(items);
  if (size === 0) return [];
  return Array.from({ length: TIME_SERIES_FOLDS }, (_, k) => ({
    trainEnd: (k + 1) * size,
    testEnd: k === TIME_SERIES_FOLDS - 1 ? items : (k + 2) * size,
  }));
}
