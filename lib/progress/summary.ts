import "server-only";
import { kdb } from "../db";
import { liveCards } from "../srs/card-queries";
import { getLessons } from "../content/load";
import { readingMinutes } from "../content/schema";
import { studyDayNumber } from "../srs/day";
import { reviewStateOf } from "../srs/review/queue";
import { settingsOf, type SettingsRef } from "../settings";
import { getLessonProgress, heldLessons, type LessonProgress } from "../learn/progress";
import { computeStreak, type Streak } from "./streak";
import { getLessonMastery, type LessonMastery } from "../learn/mastery";
import { excusedDaysOf } from "./excused-days";

// What the personal home page and the end of a review session need: due today (the same
// definition as the review queue), the streak, today's count, and the next lesson to read.
export type StudySummary = {
  dueToday: number;
  doneToday: number;
  streak: Streak;
  deckSize: number;
  nextLesson: { slug: string; title: string; minutes: number; number: number } | null;
  // Every lesson's mastery level, in course order.
  mastery: LessonMastery[];
};

export async function getStreak(userOrId: SettingsRef, now = new Date()): Promise<{ streak: Streak; doneToday: number }> {
  const user = await settingsOf(userOrId);
  const [streak, doneToday] = await Promise.all([streakOf(user, now), reviewsOn(user.id, studyDayOf(user, now))]);
  return { streak, doneToday };
}

// The streak alone, without today's review count: what /review shows.
export async function streakOf(userOrId: SettingsRef, now = new Date()): Promise<Streak> {
  const user = await settingsOf(userOrId);
  const today = studyDayOf(user, now);
  const [days, excused] = await Promise.all([reviewDaysOf(user.id), excusedDaysOf(user.id, today)]);
  return computeStreak(days, today, excused);
}

const studyDayOf = (user: { timeZone: string; dayRolloverHour: number }, now: Date) =>
  studyDayNumber(now, { timeZone: user.timeZone, rolloverHour: user.dayRolloverHour });

const live = (userId: string) => kdb.selectFrom("ReviewLog").where("userId", "=", userId).where("undoneAt", "is", null);

// The study days with a live review, ascending: one index seek per day (the recursive query
// steps from each day to the next on the (userId, undoneAt, reviewDay, …) index), where a
// GROUP BY would read every review's index entry: 338 seeks against 100,000 entries for the
// bench's heavy account.
async function reviewDaysOf(userId: string): Promise<number[]> {
  const rows = await kdb
    .withRecursive("d(day)", (db) =>
      db
        .selectFrom("ReviewLog")
        .select((e) => e.fn.min<number | null>("reviewDay").as("day"))
        .where("userId", "=", userId)
        .where("undoneAt", "is", null)
        .unionAll(
          db
            .selectFrom("d")
            .select((e) =>
              live(userId)
                .select((f) => f.fn.min("reviewDay").as("m"))
                .whereRef("reviewDay", ">", e.ref("d.day"))
                .as("day"),
            )
            .where("d.day", "is not", null),
        ),
    )
    .selectFrom("d")
    .select("day")
    .where("day", "is not", null)
    .execute();
  return rows.map((r) => Number(r.day));
}

async function reviewsOn(userId: string, day: number): Promise<number> {
  const r = await live(userId)
    .select((e) => e.fn.countAll<number>().as("n"))
    .where("reviewDay", "=", day)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getStudySummary(userOrId: SettingsRef, now = new Date()): Promise<StudySummary> {
  const user = await settingsOf(userOrId);
  const userId = user.id;
  // The queue's own counts: suspended, buried and over-the-limit cards are left out, as on /review.
  const [queue, deckSize, { streak, doneToday }, progress] = await Promise.all([
    reviewStateOf(user, now),
    liveCards(kdb, userId)
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
    getStreak(user, now),
    getLessonProgress(userId),
  ]);
  const mastery = await getLessonMastery(user, now, { progress });
  return {
    dueToday: queue.counts.learning + queue.counts.review,
    doneToday,
    streak,
    deckSize,
    nextLesson: nextLessonOf(progress),
    mastery,
  };
}

// The next lesson is the first, in course order, whose quiz has not been taken and none of
// whose cards are in the deck: a lesson the learner already holds is never suggested again.
function firstNotHeld(held: (slug: string) => boolean): StudySummary["nextLesson"] {
  const lessons = getLessons();
  const i = lessons.findIndex((l) => !held(l.slug));
  const next = i >= 0 ? lessons[i]! : null;
  return next ? { slug: next.slug, title: next.title, minutes: readingMinutes(next), number: i + 1 } : null;
}

export function nextLessonOf(progress: Record<string, LessonProgress>): StudySummary["nextLesson"] {
  return firstNotHeld((slug) => Boolean(progress[slug]?.done || progress[slug]?.cardsInDeck));
}

// The same lesson from whether each lesson is held rather than from every lesson's progress:
// /review asks on every load.
export async function getNextLesson(userId: string): Promise<StudySummary["nextLesson"]> {
  const held = await heldLessons(
    userId,
    getLessons().map((l) => l.slug),
  );
  return firstNotHeld((slug) => held.has(slug));
}
