import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { State, Rating } from "ts-fsrs";
import { db } from "@/lib/db";
import { getLesson } from "@/lib/content/load";
import { submitQuiz } from "@/lib/learn/quiz";
import { getLessonMastery, markLessonRead } from "@/lib/learn/mastery";
import { addLessonToDeck } from "@/lib/srs/deck";
import { getReviewState, gradeReview, undoReview } from "@/lib/srs/review";
import { recordCheckIn } from "@/lib/srs/bad-day";
import { setAway } from "@/lib/srs/away";
import { getStreak } from "@/lib/progress/summary";
import { getDashboard } from "@/lib/progress/queries";
import { grade, makeUser } from "./helpers";

const DAY = 86_400_000;
const START = new Date("2026-04-06T12:00:00Z");
const on = (day: number) => new Date(START.getTime() + day * DAY);
const LESSON = getLesson("cold-and-heat")!;

async function reviewOne(userId: string, now: Date) {
  const s = await getReviewState(userId, now);
  if (!s.card) throw new Error("nothing to review");
  await gradeReview(userId, grade(s.card.cardId, s.card.version, Rating.Good), now);
}

describe("the streak", () => {
  it("runs through a bad-back day without reviews and repairs one missed day a week, on the home page and /progress alike", async () => {
    const u = await makeUser();
    await db.user.update({ where: { id: u.id }, data: { newCardsPerDay: 50 } });
    for (const d of [0, 1, 2]) await reviewOne(u.id, on(d));
    // Day 3: a flare, no review. Day 4: reviewed. Day 5: missed (repaired). Day 6: reviewed.
    await recordCheckIn(u.id, { skip: false, score: 8, flare: true }, on(3));
    await reviewOne(u.id, on(4));
    await reviewOne(u.id, on(6));
    const { streak } = await getStreak(u.id, on(6));
    expect(streak).toMatchObject({ current: 5, reviewedToday: true, last7: 5, repairAvailable: false });
    expect(streak.repaired).toHaveLength(1);
    expect((await getDashboard(u.id, on(6))).streak).toEqual(streak);
    // Day 7 and day 8 missed: the second missed day within a week breaks it.
    expect((await getStreak(u.id, on(9))).streak).toMatchObject({ current: 0, longest: 5 });
  });

  it("counts each study day with a live review once, and not a day whose only review was undone", async () => {
    const u = await makeUser();
    await db.user.update({ where: { id: u.id }, data: { newCardsPerDay: 50 } });
    // Day 0: two reviews. Day 2: one review, undone. Day 3: three reviews.
    await reviewOne(u.id, on(0));
    await reviewOne(u.id, on(0));
    await reviewOne(u.id, on(2));
    const [undone] = await db.reviewLog.findMany({ where: { userId: u.id }, orderBy: { review: "desc" }, take: 1 });
    await undoReview(u.id, { logId: undone!.id, sessionId: undone!.sessionId! }, on(2));
    for (let i = 0; i < 3; i++) await reviewOne(u.id, on(3));
    const { streak, doneToday } = await getStreak(u.id, on(3));
    expect(doneToday).toBe(3);
    expect(streak).toMatchObject({ last7: 2, longest: 1, current: 1, reviewedToday: true });
  });

  it("is not broken by the days of a break the learner set, and uses up no repair on them", async () => {
    const u = await makeUser();
    await db.user.update({ where: { id: u.id }, data: { newCardsPerDay: 50 } });
    for (const d of [0, 1]) await reviewOne(u.id, on(d));
    // Away 8 to 11 April (days 2 to 5), set on day 1.
    await setAway(u.id, { start: "2026-04-08", end: "2026-04-11" }, on(1));
    await reviewOne(u.id, on(6));
    expect((await getStreak(u.id, on(6))).streak).toMatchObject({ current: 3, repaired: [], repairAvailable: true });
  });

  it("breaks on a missed day that no check-in excuses", async () => {
    const u = await makeUser();
    for (const d of [0, 1]) await reviewOne(u.id, on(d));
    await recordCheckIn(u.id, { skip: false, score: 2, flare: false }, on(2));
    expect((await getStreak(u.id, on(4))).streak).toMatchObject({ current: 0, longest: 2 });
  });
});

describe("lesson mastery", () => {
  const levelOf = async (userId: string, now = new Date()) => (await getLessonMastery(userId, now)).find((m) => m.slug === LESSON.slug)!;

  it("climbs from Not started through Read and Familiar to Mastered as the learner shows it, and only for that learner", async () => {
    const u = await makeUser({ empty: true });
    const other = await makeUser({ empty: true });
    expect((await levelOf(u.id)).level).toBe("not-started");

    await markLessonRead(u.id, LESSON.slug);
    await markLessonRead(u.id, LESSON.slug);
    expect((await levelOf(u.id)).level).toBe("read");

    const answers = LESSON.quiz.map((q) => ({ questionId: q.id, chosen: q.answer }));
    await submitQuiz(u.id, { lessonSlug: LESSON.slug, clientId: randomUUID(), answers });
    expect(await levelOf(u.id)).toMatchObject({ level: "familiar", next: "Add the lesson's cards to your deck (Remember this lesson) and review them." });

    await addLessonToDeck(u.id, LESSON.slug);
    const now = new Date();
    const cards = await db.card.findMany({ where: { userId: u.id, catalogCard: { lessonSlug: LESSON.slug } } });
    // Every card reviewed yesterday with a stability of 10 days: recalled well, not yet lasting.
    const reviewed = (stability: number) => ({
      state: State.Review,
      stability,
      difficulty: 5,
      reps: 3,
      lastReview: new Date(now.getTime() - DAY),
      due: new Date(now.getTime() + stability * DAY),
    });
    await db.card.updateMany({ where: { id: { in: cards.map((c) => c.id) } }, data: reviewed(10) });
    expect((await levelOf(u.id, now)).level).toBe("proficient");
    await db.card.updateMany({ where: { id: { in: cards.map((c) => c.id) } }, data: reviewed(30) });
    expect(await levelOf(u.id, now)).toMatchObject({ level: "mastered", next: null });

    expect((await levelOf(other.id)).level).toBe("not-started");
  });

  it("refuses to mark a lesson that does not exist", async () => {
    const u = await makeUser({ empty: true });
    await expect(markLessonRead(u.id, "no-such-lesson")).rejects.toThrow(/no such lesson/);
    expect(await db.lessonRead.count({ where: { userId: u.id } })).toBe(0);
  });
});
