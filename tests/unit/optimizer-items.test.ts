import { describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { cardSequence, countItems, itemPrefixLengths, trimToLastLearningBlock } from "@/lib/optimizer/items";
import { REVIEW_CSV_HEADER, reviewCsvLine } from "@/lib/portability/csv";
import { simulateHistory } from "@/lib/srs/simulate";
import { State, Rating } from "ts-fsrs";

describe("training items", () => {
  it("keeps only the last block of new/learning reviews onwards", () => {
    const s = [0, 1, 2, 3, 2, 0, 1, 2].map((state) => ({ state }));
    expect(trimToLastLearningBlock(s).map((x) => x.state)).toEqual([0, 1, 2]);
    expect(trimToLastLearningBlock([{ state: State.Review }, { state: State.Relearning }])).toEqual([]);
  });

  it("turns study days into delta_t, 0 for the first review", () => {
    const seq = cardSequence([
      { rating: Rating.Good, state: State.New, reviewDay: 100 },
      { rating: Rating.Good, state: State.Learning, reviewDay: 100 },
      { rating: Rating.Good, state: State.Review, reviewDay: 103 },
      { rating: Rating.Again, state: State.Review, reviewDay: 110 },
      { rating: Rating.Good, state: State.Relearning, reviewDay: 110 },
    ]);
    expect(seq).toEqual([
      { rating: Rating.Good, deltaT: 0 },
      { rating: Rating.Good, deltaT: 0 },
      { rating: Rating.Good, deltaT: 3 },
      { rating: Rating.Again, deltaT: 7 },
      { rating: Rating.Good, deltaT: 0 },
    ]);
    // Only reviews on a later study day than the previous one are items; same-day steps are not.
    expect(itemPrefixLengths(seq)).toEqual([3, 4]);
    expect(countItems([seq, seq.slice(0, 2)])).toBe(2);
  });

  it("yields exactly the items the binding's CSV converter yields (zone with DST, rollover 4)", () => {
    const ctx = { timeZone: "America/New_York", rolloverHour: 4 };
    const keys = Array.from({ length: 25 }, (_, i) => `card-${i}`);
    const { logs } = simulateHistory({
      cardKeys: keys,
      start: new Date("2026-02-20T00:00:00Z"),
      days: 40,
      newPerDay: 3,
      ctx,
      seed: 7,
      settings: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null },
    });
    const csv = [REVIEW_CSV_HEADER, ...logs.map((l) => reviewCsvLine({ ...l, cardId: l.cardKey }))].join("\n") + "\n";
    const minutesEast = (ms: number, tz: string) => -new TZDate(ms, tz).getTimezoneOffset();
    const fromCsv = convertCsvToFsrsItems(Buffer.from(csv), ctx.rolloverHour, ctx.timeZone, minutesEast);

    const ours: string[] = [];
    for (const key of keys) {
      const seq = cardSequence(logs.filter((l) => l.cardKey === key));
      for (const n of itemPrefixLengths(seq))
        ours.push(
          seq
            .slice(0, n)
            .map((r) => `${r.rating}:${r.deltaT}`)
            .join(" "),
        );
    }
    const theirs = fromCsv.map((item) => item.reviews.map((r) => `${r.rating}:${r.deltaT}`).join(" "));
    expect(ours.length).toBeGreaterThan(50);
    expect(ours.sort()).toEqual(theirs.sort());
  });
});
