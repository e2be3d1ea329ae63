import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { toStudyClock } from "@/lib/srs/study-clock";
import { createScheduler, recallAt, retrievability } from "@/lib/srs/scheduler";
import { studyDayStart } from "@/lib/srs/day";
import { prng } from "@/lib/prng";

const DAY = 86_400_000;
const zones = [
  { timeZone: "America/Los_Angeles", rolloverHour: 4 },
  { timeZone: "Europe/Berlin", rolloverHour: 0 },
  { timeZone: "Pacific/Auckland", rolloverHour: 23 },
];

describe("recall from study-clock instants", () => {
  it("gives retrievability()'s figure for reviewed cards at any instant and at a study day's start, across DST changes", () => {
    const rand = prng(11);
    const weights = [0.3, 1.2, 3.1, 15.7, 7.2, 0.53, 1.46, 0.005, 1.55, 0.12, 1.0, 1.9, 0.11, 0.29, 2.27, 0.23, 2.99, 0.52, 0.66, 0.1, 0.3];
    let checked = 0;
    for (const day of zones) {
      for (const w of [null, weights]) {
        const s = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false, weights: w, day });
        const clock = (t: Date) => toStudyClock(t, day).getTime();
        for (let i = 0; i < 300; i++) {
          // Over 2026, so that both DST changes of each zone fall between some review and some "at".
          const lastReview = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 330 * DAY));
          const at = new Date(lastReview.getTime() + Math.floor(rand() * 40 * DAY) - DAY);
          const stability = 0.1 + rand() * 200;
          const card = { state: State.Review, due: new Date(lastReview.getTime() + 5 * DAY), stability, lastReview };
          const last = clock(new Date(Math.min(lastReview.getTime(), at.getTime())));
          expect(recallAt(s, stability, last, clock(at))).toBe(retrievability(s, card, at));
          const dayNumber = Math.floor(clock(at) / DAY);
          expect(recallAt(s, stability, last, dayNumber * DAY)).toBe(retrievability(s, card, studyDayStart(dayNumber, day)));
          checked++;
        }
      }
    }
    expect(checked).toBe(1800);
  });
});
