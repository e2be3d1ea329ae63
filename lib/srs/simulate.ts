import { Rating, type Grade } from "ts-fsrs";
import { gradeCard, newCardState, type CardState, type SchedulerSettings } from "./scheduler";
import { cardScheduler, cardSchedulers } from "./safety";
import { studyDayNumber, type DayContext } from "./day";
import { reviewLogFields, type ReviewLogFields } from "./card-rows";
import { prng } from "../prng";

// Generates a plausible review history with the real scheduler: used to seed the demo
// account and the benchmark database, and as fixture data in tests.

export type SimLog = ReviewLogFields & { cardKey: string };

export function simulateHistory(opts: {
  // The cards' Card row ids: each is graded under its own, the fuzz seed (scheduler.ts fuzzSeedOf).
  cardKeys: string[];
  start: Date;
  days: number;
  newPerDay: number;
  settings: Omit<SchedulerSettings, "day">;
  ctx: DayContext;
  seed?: number;
  maxReviewsPerDay?: number;
  // A cap for some days (a busy week at the end of a history), else maxReviewsPerDay.
  maxReviewsOnDay?: (day: number) => number | undefined;
  // A scripted rating for some cards (e.g. a leech that always fails), else the random one.
  ratingFor?: (key: string, card: CardState) => Grade | undefined;
  // Safety cards, graded as grading grades them (lib/srs/safety.ts).
  safetyKeys?: ReadonlySet<string>;
}): { cards: Map<string, CardState & { version: number }>; logs: SimLog[] } {
  const rand = prng(opts.seed ?? 1);
  const schedulers = cardSchedulers({ ...opts.settings, day: opts.ctx });
  const cards = new Map<string, CardState & { version: number }>();
  const logs: SimLog[] = [];
  let nextNew = 0;
  const pickRating = (): Grade => {
    const r = rand();
    return r < 0.12 ? Rating.Again : r < 0.22 ? Rating.Hard : r < 0.92 ? Rating.Good : Rating.Easy;
  };
  for (let day = 0; day < opts.days; day++) {
    // Review at a (deterministic) time between 08:00 and 20:00 UTC that day.
    let now = new Date(opts.start.getTime() + day * 86_400_000 + (8 + Math.floor(rand() * 12)) * 3_600_000);
    for (let i = 0; i < opts.newPerDay && nextNew < opts.cardKeys.length; i++, nextNew++) {
      const key = opts.cardKeys[nextNew]!;
      cards.set(key, { ...newCardState(key, now), version: 0 });
    }
    let done = 0;
    const cap = opts.maxReviewsOnDay?.(day) ?? opts.maxReviewsPerDay;
    // Several passes, so that same-day learning steps are reviewed as they come due.
    for (let pass = 0; pass < 4; pass++) {
      for (const [key, card] of cards) {
        if (card.due.getTime() > now.getTime()) continue;
        if (cap !== undefined && cap > 0 && done >= cap) break;
        const rating = pickRating();
        const scripted = opts.ratingFor?.(key, card) ?? rating;
        const { card: next, log } = gradeCard(cardScheduler(schedulers, opts.safetyKeys?.has(key) ?? false), card, scripted, now);
        const durationMs = 3000 + Math.floor(rand() * 12000);
        logs.push({ cardKey: key, ...reviewLogFields(card, next, log, { durationMs, reviewDay: studyDayNumber(now, opts.ctx) }) });
        cards.set(key, { ...next, version: card.version + 1 });
        done++;
        now = new Date(now.getTime() + durationMs);
      }
      now = new Date(now.getTime() + 11 * 60_000);
    }
  }
  return { cards, logs };
}
