import { describe, expect, it } from "vitest";
import { State, default_w, Rating } from "ts-fsrs";
import { db } from "@/lib/db";
import { gradeReview } from "@/lib/srs/review";
import { applyReschedule, previewReschedule, rescheduleStatus, undoReschedule } from "@/lib/srs/reschedule";
import { describeSummary } from "@/lib/srs/reschedule-summary";
import { cardAction } from "@/lib/srs/cards/actions";
import { getLessons } from "@/lib/content/load";
import { DEMO_ACCOUNT } from "@/lib/demo";
import type { GradeInput } from "@/lib/validation/review";
import { grade, makeUser } from "./helpers";
import { seedHistory } from "./progress-fixtures";
import { seedDemoAccount } from "../../scripts/seed-demo";

const START = new Date("2026-01-01T00:00:00Z");
const AFTER = new Date("2026-02-15T12:00:00Z");
// Default weights with a much larger recall-stability gain (w8): every review card's next
// interval grows, so rescheduling moves cards later.
const bolder = default_w.map((w, i) => (i === 8 ? w * 1.6 : w));

const cardsOf = (userId: string) =>
  db.card.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    select: { id: true, version: true, due: true, stability: true, difficulty: true, scheduledDays: true, state: true, reps: true },
  });

describe("what the reschedule preview blames", () => {
  it("names new parameters, a retention change or a maximum-interval change as the cause of the moves", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { cards: 30, days: 40, start: START });

    await db.user.update({ where: { id: u.id }, data: { desiredRetention: 0.8 } });
    const retention = await previewReschedule(u.id);
    expect(retention.moved).toBeGreaterThan(5);
    expect(retention.causes).toEqual({ parameters: 0, retention: retention.moved, maximumInterval: 0 });
    expect(describeSummary(retention)).toMatch(/All because of a changed target for how much you remember\.$/);
    expect(describeSummary(retention)).not.toMatch(/parameters/);

    await db.user.update({ where: { id: u.id }, data: { desiredRetention: 0.9, maximumInterval: 7 } });
    const cap = await previewReschedule(u.id);
    expect(cap.moved).toBeGreaterThan(0);
    expect(cap.causes).toEqual({ parameters: 0, retention: 0, maximumInterval: cap.moved });

    await db.user.update({ where: { id: u.id }, data: { maximumInterval: 36500, fsrsWeights: JSON.stringify(bolder) } });
    const params = await previewReschedule(u.id);
    expect(params.moved).toBeGreaterThan(5);
    expect(params.causes!.parameters).toBe(params.moved);
    expect(describeSummary(params)).toMatch(/All because of new memory parameters\.$/);
  });
});

describe("rescheduling after new parameters", () => {
  it("moves nothing while the parameters are the ones the cards were scheduled with", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { cards: 30, days: 40, start: START });
    const s = await previewReschedule(u.id);
    expect(s.reviewed).toBeGreaterThan(20);
    expect(s).toMatchObject({ changed: 0, moved: 0 });
    expect(await applyReschedule(u.id, AFTER)).toMatchObject({ changed: 0 });
    expect((await rescheduleStatus(u.id)).canUndo).toBe(false);
  });

  it("moves nothing on the demo account, whose history was graded with the cards' own fuzz seed", async () => {
    await seedDemoAccount(db, getLessons(), new Date());
    const demo = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNT.email } });
    const s = await previewReschedule(demo.id);
    expect(s.reviewed).toBeGreaterThan(20);
    expect(s).toMatchObject({ changed: 0, moved: 0 });
  });

  it("moves nothing for a card reset and learned again: the replay starts at the reset", async () => {
    const u = await makeUser();
    const card = await db.card.findFirstOrThrow({ where: { userId: u.id }, orderBy: { catalogCard: { position: "asc" } } });
    const DAY = 86_400_000;
    let t = START.getTime();
    const gradeAt = async (rating: GradeInput["rating"], at: number) => {
      const c = await db.card.findUniqueOrThrow({ where: { id: card.id } });
      await gradeReview(u.id, grade(card.id, c.version, rating), new Date((t = at)));
    };
    // Learned and reviewed for months: long intervals.
    for (const [rating, gap] of [
      [3, 0],
      [3, 11 * 60_000],
      [4, DAY],
      [3, 8 * DAY],
      [3, 30 * DAY],
      [3, 90 * DAY],
    ] as const)
      await gradeAt(rating, t + gap);
    await cardAction(u.id, { action: "forget", cardIds: [card.id], resetCounts: true }, new Date(t + DAY));
    // Learned again from scratch, with a lapse.
    for (const [rating, gap] of [
      [3, 2 * DAY],
      [3, 11 * 60_000],
      [3, 3 * DAY],
      [1, 5 * DAY],
      [3, 11 * 60_000],
      [3, 4 * DAY],
    ] as const)
      await gradeAt(rating, t + gap);
    expect(await db.card.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ state: State.Review, reps: 6, lapses: 1 });
    expect(await previewReschedule(u.id)).toMatchObject({ reviewed: 1, changed: 0, moved: 0 });
  });

  it("previews the moves, applies them in one step, and undoes them in one step, keeping a review made since", async () => {
    const u = await makeUser();
    const other = await makeUser();
    await seedHistory(u.id, { cards: 30, days: 40, start: START });
    await seedHistory(other.id, { cards: 30, days: 40, start: START });
    await db.user.update({ where: { id: u.id }, data: { fsrsWeights: JSON.stringify(bolder) } });
    await db.user.update({ where: { id: other.id }, data: { fsrsWeights: JSON.stringify(bolder) } });
    const before = await cardsOf(u.id);
    const otherBefore = await cardsOf(other.id);

    const preview = await previewReschedule(u.id);
    expect(preview.moved).toBeGreaterThan(5);
    expect(preview.later).toBeGreaterThan(preview.earlier);
    expect(preview.maxLaterDays).toBeGreaterThanOrEqual(preview.medianShiftDays);

    const applied = await applyReschedule(u.id, AFTER);
    expect(applied).toEqual(preview);
    const after = await cardsOf(u.id);
    const changed = after.filter((c, i) => c.version !== before[i]!.version);
    expect(changed).toHaveLength(applied.changed);
    // "Later" counts study days: every card moved more than 24 hours later is one of them, and each
    // of them is due later than before.
    const dueLater = (by: number) => after.filter((c, i) => c.due.getTime() > before[i]!.due.getTime() + by).length;
    expect(dueLater(86_400_000)).toBeLessThanOrEqual(applied.later);
    expect(dueLater(0)).toBeGreaterThanOrEqual(applied.later);
    // Counters are history, not schedule: unchanged.
    expect(after.map((c) => c.reps)).toEqual(before.map((c) => c.reps));
    // Now scheduled by these parameters: a second look finds nothing to move.
    expect(await previewReschedule(u.id)).toMatchObject({ moved: 0, changed: 0 });
    // Another user's cards are untouched, and they have nothing to undo.
    expect(await cardsOf(other.id)).toEqual(otherBefore);
    await expect(undoReschedule(other.id)).rejects.toMatchObject({ status: 409 });
    expect((await rescheduleStatus(u.id)).canUndo).toBe(true);

    // A card reviewed after the reschedule keeps that review when the rest is undone.
    const reviewed = changed[0]!;
    await gradeReview(u.id, grade(reviewed.id, reviewed.version, Rating.Good), new Date(AFTER.getTime() + 60_000));
    const undone = await undoReschedule(u.id, new Date(AFTER.getTime() + 120_000));
    expect(undone).toEqual({ restored: applied.changed - 1, keptReviewed: 1 });
    const restored = await cardsOf(u.id);
    for (let i = 0; i < before.length; i++) {
      const [b, r] = [before[i]!, restored[i]!];
      if (b.id === reviewed.id) {
        expect(r.reps).toBe(b.reps + 1);
        continue;
      }
      expect({ ...r, version: 0 }).toEqual({ ...b, version: 0 });
    }
    await expect(undoReschedule(u.id)).rejects.toMatchObject({ status: 409 });
    expect((await rescheduleStatus(u.id)).canUndo).toBe(false);
  });
});
