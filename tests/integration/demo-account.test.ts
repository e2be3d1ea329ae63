import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLessons } from "@/lib/content/load";
import { DEMO_ACCOUNT } from "@/lib/demo";
import { getReviewState } from "@/lib/srs/review";
import { getStudySummary } from "@/lib/progress/summary";
import { DEMO_LESSONS, seedDemoAccount } from "../../scripts/seed-demo";

const day = (n: number) => new Date(Date.UTC(2026, 4, 10 + n, 9, 30));

async function demo() {
  return db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNT.email } });
}

describe("the demo account", () => {
  it("opens a session of 15 to 20 cards on the day it is seeded and, laid out again, days later; its home suggests a lesson it does not hold", async () => {
    const lessons = getLessons();
    await db.user.deleteMany({ where: { email: DEMO_ACCOUNT.email } });
    expect(await seedDemoAccount(db, lessons, day(0))).toMatch(/^created/);
    const first = await demo();
    const size = async (at: Date) => {
      const s = await getReviewState((await demo()).id, at);
      return s.counts.new + s.counts.learning + s.counts.review;
    };
    expect(await size(day(0))).toBeGreaterThanOrEqual(15);
    expect(await size(day(0))).toBeLessThanOrEqual(20);
    // The same day: kept as it is.
    expect(await seedDemoAccount(db, lessons, day(0))).toBe("already present");
    // A week later the server starts again: the demo is laid out relative to that day.
    expect(await seedDemoAccount(db, lessons, day(7))).toMatch(/^laid out again/);
    const again = await demo();
    expect(again.id).not.toBe(first.id);
    expect(await db.card.count({ where: { userId: first.id } })).toBe(0);
    expect(await size(day(7))).toBeGreaterThanOrEqual(15);
    expect(await size(day(7))).toBeLessThanOrEqual(20);

    const summary = await getStudySummary(again.id, day(7));
    const held = new Set(
      (await db.card.findMany({ where: { userId: again.id }, select: { catalogCard: { select: { lessonSlug: true } } } })).map((c) => c.catalogCard.lessonSlug),
    );
    expect(held.size).toBeGreaterThan(DEMO_LESSONS);
    expect(summary.nextLesson).not.toBeNull();
    expect(held.has(summary.nextLesson!.slug)).toBe(false);
    await db.user.deleteMany({ where: { email: DEMO_ACCOUNT.email } });
  });
});
