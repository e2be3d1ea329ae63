import { describe, expect, it } from "vitest";
import { itemsInTimeOrder, timeSeriesFolds } from "@/lib/optimizer/items";
import { heldOutStart } from "@/lib/optimizer/folds";
import { poolFolds } from "@/lib/optimizer/metrics";
import { heldOutItems } from "@/lib/optimizer/verdict";
import { Rating } from "ts-fsrs";

describe("time-series splits of the training items", () => {
  it("orders items by the day of their last review, whichever card they come from", () => {
    // Card 0: days 10, 11, 14; card 1: days 12, 13.
    const seqs = [
      [
        { rating: Rating.Good, deltaT: 0 },
        { rating: Rating.Good, deltaT: 1 },
        { rating: Rating.Good, deltaT: 3 },
      ],
      [
        { rating: Rating.Good, deltaT: 0 },
        { rating: Rating.Again, deltaT: 1 },
      ],
    ];
    expect(itemsInTimeOrder(seqs, [14, 13])).toEqual([
      { seq: 0, length: 2, day: 11 },
      { seq: 1, length: 2, day: 13 },
      { seq: 0, length: 3, day: 14 },
    ]);
  });

  it("cuts the items into six segments and tests each fold on the segment after its training items", () => {
    expect(timeSeriesFolds(64)).toEqual([
      { trainEnd: 10, testEnd: 20 },
      { trainEnd: 20, testEnd: 30 },
      { trainEnd: 30, testEnd: 40 },
      { trainEnd: 40, testEnd: 50 },
      { trainEnd: 50, testEnd: 64 },
    ]);
    expect(timeSeriesFolds(5)).toEqual([]);
    // Every held-out item is tested exactly once.
    expect(heldOutItems(64)).toBe(64 - heldOutStart(64));
    expect(heldOutItems(64)).toBe(timeSeriesFolds(64).reduce((n, f) => n + f.testEnd - f.trainEnd, 0));
  });

  it("pools folds by their items: mean log loss, root mean square RMSE", () => {
    const pooled = poolFolds([
      { items: 10, evaluation: { logLoss: 0.3, rmseBins: 0.1 } },
      { items: 30, evaluation: { logLoss: 0.5, rmseBins: 0.02 } },
    ])!;
    expect(pooled.logLoss).toBeCloseTo(0.45, 10);
    expect(pooled.rmseBins).toBeCloseTo(Math.sqrt((10 * 0.01 + 30 * 0.0004) / 40), 10);
    expect(poolFolds([])).toBeNull();
  });
});
