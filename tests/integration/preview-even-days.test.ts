import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReviewState, gradeReview } from "@/lib/srs/review";
import { studyDayNumber } from "@/lib/srs/day";
import { grade, makeUser } from "./helpers";
import { Rating } from "ts-fsrs";

const MIN = 60_000;
const DAY = 86_400_000;
const ctx = { timeZone: "UTC", rolloverHour: 4 };

// The /review buttons with even days on (the default): the queue read does not read the load,
// so a grade that even days will place shows the range it lands in, never a wrong day.
describe("the grade buttons' preview with even days on", () => {
  it("shows a range of days for a review, and the grade's stored due date falls inside it; other previews are exact", async () => {
    const u = await makeUser();
    const t0 = new Date(Date.now() - 30 * DAY);
    const cards = await db.card.findMany({ where: { userId: u.id, catalogCard: { safety: false } }, orderBy: { id: "asc" }, take: 12 });
    for (const c of cards) {
      await gradeReview(u.id, grade(c.id, 0, Rating.Good), t0);
      await gradeReview(u.id, grade(c.id, 1, Rating.Good), new Date(t0.getTime() + 11 * MIN));
    }
    let ranged = 0;
    let exact = 0;
    let now = new Date(t0.getTime() + 2 * DAY);
    for (let step = 0; step < 20; step++) {
      const state = await getReviewState(u.id, now);
      if (!state.card) {
        now = new Date(now.getTime() + DAY);
        continue;
      }
      const rating = (step % 3 === 2 ? 2 : 3) as 2 | 3;
      const shown = state.card.intervals.find((i) => i.rating === rating)!;
      await gradeReview(u.id, grade(state.card.cardId, state.card.version, rating), now);
      const stored = await db.card.findUniqueOrThrow({ where: { id: state.card.cardId } });
      if (shown.latest) {
        ranged++;
        expect(shown.label).toMatch(/–/);
        const day = studyDayNumber(stored.due, ctx);
        expect(day).toBeGreaterThanOrEqual(studyDayNumber(new Date(shown.due), ctx));
        expect(day).toBeLessThanOrEqual(studyDayNumber(new Date(shown.latest), ctx));
      } else {
        exact++;
        expect(stored.due.toISOString()).toBe(shown.due);
      }
      now = new Date(now.getTime() + MIN);
    }
    expect(ranged).toBeGreaterThan(3);
    expect(exact).toBeGreaterThan(0);
  });
});
