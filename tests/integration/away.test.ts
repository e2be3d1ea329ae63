import { describe, expect, it } from "vitest";
import { Rating, State, default_w } from "ts-fsrs";
import { db } from "@/lib/db";
import { getLessons } from "@/lib/content/load";
import { addLessonToDeck } from "@/lib/srs/deck";
import { gradeReview } from "@/lib/srs/review";
import { awayDaysOf, backlogOffer, listAwayPeriods, previewAway, setAway, spreadBacklog, undoAway } from "@/lib/srs/away";
import { undoCardAction } from "@/lib/srs/cards/actions";
import { applyReschedule } from "@/lib/srs/reschedule";
import { studyDayNumber, studyDayStart } from "@/lib/srs/day";
import { SAFETY_MAX_INTERVAL_DAYS } from "@/lib/srs/safety";
import { awaySchema, spreadBacklogSchema } from "@/lib/validation/away";
import { grade, makeUser, viaAction } from "./helpers";
import { seedHistory } from "./progress-fixtures";

const DAY = 86_400_000;
const NOW = new Date("2026-04-15T12:00:00Z");
const UTC = { timeZone: "UTC", rolloverHour: 4 };
const TODAY = studyDayNumber(NOW, UTC);
const dayOf = (d: Date) => studyDayNumber(d, UTC);

const lessonOf = (n: number) => getLessons().find((l) => l.order === n)!;

// A user whose cards are all reviews, the i-th due `dueIn(i)` days from NOW (0 = today),
// last reviewed `interval` days before that.
async function deck(dueIn: (i: number) => number, lessons = [1, 2, 4, 5]) {
  const u = await makeUser({ empty: true });
  for (const n of lessons) await addLessonToDeck(u.id, lessonOf(n).slug, new Date(NOW.getTime() - 60 * DAY));
  const cards = await db.card.findMany({ where: { userId: u.id }, include: { catalogCard: true }, orderBy: { catalogCard: { position: "asc" } } });
  for (const [i, c] of cards.entries()) {
    const interval = 3 + (i % 5) * 4;
    const due = new Date(NOW.getTime() + dueIn(i) * DAY - 60_000);
    await db.card.update({
      where: { id: c.id },
      data: {
        state: State.Review,
        due,
        stability: interval,
        difficulty: 5,
        lastReview: new Date(due.getTime() - interval * DAY),
        reps: 3,
        scheduledDays: interval,
      },
    });
  }
  return { u, cards: await db.card.findMany({ where: { userId: u.id }, include: { catalogCard: true }, orderBy: { id: "asc" } }) };
}

const dues = async (userId: string) =>
  new Map((await db.card.findMany({ where: { userId }, select: { id: true, due: true } })).map((c) => [c.id, c.due.getTime()]));

const BREAK = { start: "2026-04-17", end: "2026-04-20" };
const START_DAY = TODAY + 2;
const END_DAY = TODAY + 5;

describe("I'm away", () => {
  it("moves the reviews due on the days away to the days after, says how far and what recall becomes, and stores the days", async () => {
    const { u, cards } = await deck((i) => i % 10);
    const before = await dues(u.id);
    const preview = await previewAway(u.id, BREAK, NOW);
    // Previewing changes nothing.
    expect(await dues(u.id)).toEqual(before);
    const inBreak = cards.filter((c) => dayOf(c.due) >= START_DAY && dayOf(c.due) <= END_DAY);
    expect(preview.summary.moved).toBe(inBreak.length);
    expect(preview.spreadDays).toBe(4);
    expect(preview.summary.recallMoved).toBeLessThan(preview.summary.recallOnTime);

    const set = await setAway(u.id, BREAK, NOW);
    expect(set.summary).toEqual(preview.summary);
    const after = await db.card.findMany({ where: { userId: u.id }, include: { catalogCard: true } });
    for (const c of after) {
      const was = before.get(c.id)!;
      const wasDay = dayOf(new Date(was));
      if (wasDay >= START_DAY && wasDay <= END_DAY) {
        expect(dayOf(c.due)).toBeGreaterThan(END_DAY);
        expect(dayOf(c.due)).toBeLessThanOrEqual(END_DAY + 4);
        if (c.catalogCard.safety) expect(dayOf(c.due) - dayOf(c.lastReview!)).toBeLessThanOrEqual(SAFETY_MAX_INTERVAL_DAYS);
      } else expect(c.due.getTime()).toBe(was);
    }
    // No card is due on an away day any more.
    expect(after.filter((c) => dayOf(c.due) >= START_DAY && dayOf(c.due) <= END_DAY)).toEqual([]);
    expect(await awayDaysOf(u.id, TODAY, TODAY + 10)).toEqual([START_DAY, START_DAY + 1, START_DAY + 2, END_DAY]);
    expect(await listAwayPeriods(u.id, NOW)).toEqual([{ id: set.periodId, start: BREAK.start, end: BREAK.end, moved: inBreak.length }]);
    // The history shows each move as a manual event.
    expect(await db.cardEvent.count({ where: { userId: u.id, kind: "away" } })).toBe(inBreak.length);
  });

  it("one undo puts every card back, except one reviewed since, and the days are no longer away", async () => {
    const { u } = await deck((i) => 2 + (i % 3));
    const before = await dues(u.id);
    const set = await setAway(u.id, BREAK, NOW);
    expect(set.summary.moved).toBeGreaterThan(2);
    const moved = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    const reviewed = moved[0]!;
    await gradeReview(u.id, grade(reviewed.id, reviewed.version, Rating.Good), new Date(NOW.getTime() + 60_000));

    const r = await undoAway(u.id, { periodId: set.periodId }, new Date(NOW.getTime() + 120_000));
    expect(r).toEqual({ restored: set.summary.moved - 1, skipped: 1 });
    const now = await dues(u.id);
    for (const [id, due] of before) if (id !== reviewed.id) expect(now.get(id)).toBe(due);
    expect(await awayDaysOf(u.id, TODAY, TODAY + 10)).toEqual([]);
    expect(await listAwayPeriods(u.id, NOW)).toEqual([]);
    // A second undo changes nothing.
    expect(await undoAway(u.id, { periodId: set.periodId }, NOW)).toEqual({ restored: 0, skipped: 0 });
  });

  it("refuses a break that ends before it starts, starts in the past, overlaps another or lasts too long, and changes nothing", async () => {
    const { u } = await deck((i) => i % 10);
    const before = await dues(u.id);
    // As the action does: its schema first, then the break.
    const away = async (input: unknown) => setAway(u.id, viaAction(awaySchema, input), NOW);
    await expect(away({ start: "2026-04-20", end: "2026-04-17" })).rejects.toThrow(/cannot be before the first/);
    await expect(away({ start: "2026-04-10", end: "2026-04-17" })).rejects.toThrow(/cannot start in the past/);
    await expect(away({ start: "2026-04-16", end: "2026-07-17" })).rejects.toThrow(/at most 60 days/);
    await expect(away({ start: "soon", end: "2026-04-17" })).rejects.toThrow(/Choose a date/);
    expect(await dues(u.id)).toEqual(before);
    expect(await db.awayPeriod.count({ where: { userId: u.id } })).toBe(0);
    await setAway(u.id, BREAK, NOW);
    const afterFirst = await dues(u.id);
    await expect(setAway(u.id, { start: "2026-04-19", end: "2026-04-22" }, NOW)).rejects.toThrow(/already away/);
    expect(await dues(u.id)).toEqual(afterFirst);
  });

  it("cannot be undone by another learner", async () => {
    const { u } = await deck((i) => 2 + (i % 3));
    const set = await setAway(u.id, BREAK, NOW);
    const other = await makeUser({ empty: true });
    await expect(undoAway(other.id, { periodId: set.periodId }, NOW)).rejects.toThrow(/Nothing to undo/);
    expect(await awayDaysOf(u.id, START_DAY, END_DAY)).toHaveLength(4);
  });

  it("keeps its cards after the break when the cards are rescheduled with new parameters", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { cards: 30, days: 40, start: new Date("2026-01-01T00:00:00Z") });
    const at = new Date("2026-02-15T12:00:00Z");
    // Three weeks away: enough of the 30 cards fall due in them whatever the fuzz (seeded by the
    // card ids, new on every run) gave each.
    const set = await setAway(u.id, { start: "2026-02-16", end: "2026-03-08" }, at);
    expect(set.summary.moved).toBeGreaterThan(2);
    const movedIds = (await db.cardEvent.findMany({ where: { userId: u.id, kind: "away" }, select: { cardId: true } })).map((e) => e.cardId);
    const moved = await dues(u.id);
    await db.user.update({ where: { id: u.id }, data: { fsrsWeights: JSON.stringify(default_w.map((w, i) => (i === 8 ? w * 0.5 : w))) } });
    const r = await applyReschedule(u.id, new Date(at.getTime() + 60_000));
    expect(r.changed).toBeGreaterThan(0);
    const now = await dues(u.id);
    for (const id of movedIds) expect(now.get(id)).toBe(moved.get(id));
  });
});

describe("back from a break", () => {
  it("offers to spread a backlog, keeps the most at-risk cards for today and moves the rest; one undo restores them", async () => {
    // Every card overdue by 1 to 20 days and no recent reviews: a backlog.
    const { u, cards } = await deck((i) => -1 - (i % 20));
    expect(cards.length).toBeGreaterThanOrEqual(30);
    const before = await dues(u.id);
    const offer = await backlogOffer(u.id, NOW);
    expect(offer).not.toBeNull();
    expect(offer!.due).toBe(cards.length);
    const r = await spreadBacklog(u.id, { days: 3 }, NOW);
    expect(r.batchId).not.toBeNull();
    const after = await db.card.findMany({ where: { userId: u.id } });
    const perDay = Math.ceil(cards.length / 3);
    const dayCounts = [0, 1, 2].map((k) => after.filter((c) => (k === 0 ? c.due < studyDayStart(TODAY + 1, UTC) : dayOf(c.due) === TODAY + k)).length);
    expect(dayCounts[0]).toBeLessThanOrEqual(perDay);
    expect(dayCounts.reduce((s, n) => s + n, 0)).toBe(cards.length);
    expect(r.summary.moved).toBe(cards.length - dayCounts[0]!);
    // No backlog any more.
    expect(await backlogOffer(u.id, NOW)).toBeNull();
    const undo = await undoCardAction(u.id, { batchId: r.batchId! }, NOW);
    expect(undo.restored).toBe(r.summary.moved);
    expect(await dues(u.id)).toEqual(before);
  });

  it("offers exactly what spreading over the offered days then does: the same cards, shifts and recall", async () => {
    const { u } = await deck((i) => -1 - (i % 20));
    const offer = await backlogOffer(u.id, NOW);
    expect(offer).not.toBeNull();
    const r = await spreadBacklog(u.id, { days: offer!.days }, NOW);
    expect(r.summary).toEqual(offer!.summary);
  });

  it("counts the backlog's cards as spreading reads them: suspended, buried and retired cards left out", async () => {
    const { u, cards } = await deck((i) => -1 - (i % 20));
    await db.card.update({ where: { id: cards[0]!.id }, data: { suspendedAt: NOW } });
    await db.card.update({ where: { id: cards[1]!.id }, data: { buriedUntil: new Date(NOW.getTime() + DAY) } });
    // A due review of a catalogue card that left the course.
    const retired = `test-retired-${u.id}`;
    await db.catalogCard.create({ data: { id: retired, lessonSlug: lessonOf(1).slug, topic: "retired", position: 99_997, contentHash: "x", retiredAt: NOW } });
    try {
      const c = cards[2]!;
      await db.card.create({
        data: {
          userId: u.id,
          catalogCardId: retired,
          state: State.Review,
          due: c.due,
          stability: c.stability,
          difficulty: 5,
          lastReview: c.lastReview,
          reps: 3,
          scheduledDays: c.scheduledDays,
        },
      });
      const offer = await backlogOffer(u.id, NOW);
      expect(offer).not.toBeNull();
      expect(offer!.due).toBe(cards.length - 2);
      const r = await spreadBacklog(u.id, { days: offer!.days }, NOW);
      expect(r.summary).toEqual(offer!.summary);
    } finally {
      await db.card.deleteMany({ where: { catalogCardId: retired } });
      await db.catalogCard.delete({ where: { id: retired } });
    }
  });

  it("offers nothing when the due reviews are what the learner does in a day", async () => {
    const { u } = await deck((i) => (i < 5 ? 0 : 10), [1]);
    expect(await backlogOffer(u.id, NOW)).toBeNull();
  });

  it("refuses a spread over fewer than 2 or more than 14 days", async () => {
    const { u } = await deck((i) => -1 - (i % 20));
    const before = await dues(u.id);
    const spread = async (input: unknown) => spreadBacklog(u.id, viaAction(spreadBacklogSchema, input), NOW);
    await expect(spread({ days: 1 })).rejects.toThrow(/Choose 2 to 14 days/);
    await expect(spread({ days: 40 })).rejects.toThrow(/Choose 2 to 14 days/);
    expect(await dues(u.id)).toEqual(before);
  });
});
