import { describe, expect, it } from "vitest";
import { Rating, State, type Grade } from "ts-fsrs";
import { db } from "@/lib/db";
import { getLessons } from "@/lib/content/load";
import { addLessonToDeck } from "@/lib/srs/deck";
import { studyDayNumber } from "@/lib/srs/day";
import { getReviewState, gradeAndNext } from "@/lib/srs/review";
import { prng } from "@/lib/prng";
import { grade, makeUser } from "./helpers";

// A grade answers with the queue after it without reading the queue again: the card and the
// queue without it are read before the write, and the card's new state is added in JS
// (lib/srs/review/after-grade.ts). Here that answer is compared with a fresh read after every
// grade, over random grades of a deck in every state: learning, review, relearning, new; due
// now, later today, ahead, tomorrow; suspended, buried, turned leech; safety and quick-relief
// cards on a bad day; tight daily limits; equal due dates; even days on and off.

const HOUR = 3_600_000;
const START = new Date("2026-05-04T06:00:00Z");

// A deck of `lessons` lessons (all when 0), added long ago, with tight daily limits and a
// leech rule that suspends at the second lapse.
async function deck(lessons: number, limits: { newCardsPerDay: number; reviewsPerDay: number; loadBalance: boolean }) {
  const u = await makeUser({ empty: true });
  const chosen = lessons ? getLessons().slice(0, lessons) : getLessons();
  for (const lesson of chosen) await addLessonToDeck(u.id, lesson.slug, new Date(START.getTime() - 40 * 24 * HOUR));
  await db.user.update({ where: { id: u.id }, data: { ...limits, leechThreshold: 2, leechAction: "suspend" } });
  return u;
}

async function run(seed: number, loadBalance: boolean) {
  // Seeded (lib/prng.ts), so a failure can be replayed from its seed.
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const u = await deck(pick([1, 2, 0]), { newCardsPerDay: pick([1, 2, 4]), reviewsPerDay: pick([3, 100]), loadBalance });
  let now = START;
  // The states of the cards graded: the runs must reach every state the rules treat apart.
  const states = new Set<number>();
  for (let step = 0; step < 200; step++) {
    // Time moves on by nothing (equal due dates), minutes, hours or a day.
    now = new Date(now.getTime() + pick([0, 0, 60_000, 10 * 60_000, 2 * HOUR, 9 * HOUR, 24 * HOUR, 3 * 24 * HOUR]));
    const cards = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    const r = rnd();
    if (r < 0.08) {
      await db.card.update({ where: { id: pick(cards).id }, data: { buriedUntil: new Date(now.getTime() + 5 * HOUR) } });
      continue;
    }
    if (r < 0.1) {
      await db.card.update({ where: { id: pick(cards).id }, data: { suspendedAt: now } });
      continue;
    }
    if (r < 0.12) {
      const day = studyDayNumber(now, { timeZone: "UTC", rolloverHour: 4 });
      await db.backCheckIn.create({ data: { userId: u.id, studyDay: day, badDay: true } });
      continue;
    }
    // Mostly the card the queue shows, sometimes any card of the deck, whatever its state.
    const shown = (await getReviewState(u.id, now)).card;
    const card = shown && rnd() < 0.75 ? cards.find((c) => c.id === shown.cardId)! : pick(cards);
    const rating = pick<Grade>([Rating.Again, Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Easy]);
    const answer = await gradeAndNext(u.id, grade(card.id, card.version, rating), now);
    expect(answer.result.replay).toBe(false);
    expect(answer.state, `seed ${seed}, step ${step}`).toEqual(await getReviewState(u.id, now));
    states.add(card.state);
  }
  return { u, states };
}

describe("the review state a grade answers with", () => {
  it.each([
    [1, false],
    [2, true],
    [3, false],
    [4, true],
    [5, false],
    [6, true],
  ])("is the queue a fresh read finds after the grade (seed %i, even days %s)", async (seed, loadBalance) => {
    const { u, states } = await run(seed, loadBalance);
    expect(states).toEqual(new Set([State.New, State.Learning, State.Review, State.Relearning]));
    expect(await db.card.count({ where: { userId: u.id, leech: true } })).toBeGreaterThan(0);
  });

  it("leaves a graded buried card out of the queue until its burial ends", async () => {
    const u = await deck(1, { newCardsPerDay: 4, reviewsPerDay: 100, loadBalance: false });
    const card = (await db.card.findFirst({ where: { userId: u.id } }))!;
    await db.card.update({ where: { id: card.id }, data: { buriedUntil: new Date(START.getTime() + 5 * HOUR) } });
    const answer = await gradeAndNext(u.id, grade(card.id, card.version, Rating.Again), START);
    expect(answer.state.counts.learning).toBe(0);
    expect(answer.state).toEqual(await getReviewState(u.id, START));
  });

  it("orders cards due at the same moment by id, as the queue's statement does", async () => {
    // No new cards today: once two cards wait for the same learning step, the one shown early
    // (the learn-ahead window) is the first of the two by id, whichever was graded last.
    const u = await deck(1, { newCardsPerDay: 0, reviewsPerDay: 100, loadBalance: false });
    const [low, high] = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" }, take: 2 });
    await gradeAndNext(u.id, grade(high!.id, high!.version, Rating.Again), START);
    const answer = await gradeAndNext(u.id, grade(low!.id, low!.version, Rating.Again), START);
    expect(answer.state.card?.cardId).toBe(low!.id);
    expect(answer.state).toEqual(await getReviewState(u.id, START));
  });

  it("is read again when the grade is a repeat of a stored one", async () => {
    const u = await deck(1, { newCardsPerDay: 4, reviewsPerDay: 100, loadBalance: false });
    const card = (await getReviewState(u.id, START)).card!;
    const input = grade(card.cardId, card.version, Rating.Good);
    const first = await gradeAndNext(u.id, input, START);
    const repeat = await gradeAndNext(u.id, input, START);
    expect(repeat.result).toEqual({ ...first.result, replay: true });
    expect(repeat.state).toEqual(await getReviewState(u.id, START));
  });
});
