import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { gradeAndNext, gradeReview, syncOfflineGrades } from "@/lib/srs/review";
import { settingsOf } from "@/lib/settings";
import { dayContextOf, schedulerSettingsOf } from "@/lib/srs/settings";
import { cardScheduler } from "@/lib/srs/safety";
import { cardStateOf } from "@/lib/srs/card-rows";
import { gradeCard } from "@/lib/srs/scheduler";
import { balancingOf, loadBounds, windowFor } from "@/lib/srs/load";
import { applyReschedule } from "@/lib/srs/reschedule";
import { readSettings as getSettings, updateSettings as write } from "@/lib/settings";
import { INVALID_SETTINGS, settingsSchema } from "@/lib/settings/schema";
import { parseInput } from "@/lib/errors";
import { levelOn, windowFromJson, windowToJson } from "@/lib/srs/load-balance";
import { studyDayNumber } from "@/lib/srs/day";
import { replayedCard } from "../replay-oracle";
import { grade, makeUser } from "./helpers";
import { Rating, State, type Grade } from "ts-fsrs";

// As the settings action does: the one schema at the edge, then the typed write.
const updateSettings = async (userId: string, raw: unknown) => write(userId, parseInput(settingsSchema, raw, INVALID_SETTINGS));

// Even days and easy days (lib/srs/load-balance.ts) through the real grading paths: the load
// a review's pick read is stored with it, and every replay reads it back.

const MIN = 60_000;
const DAY = 86_400_000;

async function gradeOnline(userId: string, cardId: string, rating: Grade, at: Date) {
  const c = await db.card.findUniqueOrThrow({ where: { id: cardId } });
  return gradeReview(userId, grade(cardId, c.version, rating), at);
}

// Every card of the deck graded Good twice (into review), then the first card again when due:
// an interval of over a week, which even days may move.
async function deckInReview(userId: string, t0: Date) {
  // Not the warning-sign cards: tests/replay-oracle.ts replays with the plain parameters.
  const cards = await db.card.findMany({ where: { userId, catalogCard: { safety: false } }, orderBy: { id: "asc" } });
  for (const c of cards) {
    await gradeOnline(userId, c.id, Rating.Good, t0);
    await gradeOnline(userId, c.id, Rating.Good, new Date(t0.getTime() + 11 * MIN));
  }
  return cards;
}

describe("even days on a real database", () => {
  it("stores the load each balanced review read, and a replay of the log gives every card's due date", async () => {
    const u = await makeUser();
    const t0 = new Date(Date.now() - 20 * DAY);
    const cards = await deckInReview(u.id, t0);
    for (const c of cards) {
      const now = await db.card.findUniqueOrThrow({ where: { id: c.id } });
      await gradeOnline(u.id, c.id, Rating.Good, new Date(Math.max(now.due.getTime(), t0.getTime() + DAY) + MIN));
    }
    const logs = await db.reviewLog.findMany({ where: { userId: u.id, NOT: { balance: null } } });
    expect(logs.length).toBeGreaterThan(0);
    for (const l of logs) {
      const w = windowFromJson(l.balance)!;
      // The interval stays inside the range the stored load covers (the fuzz range).
      const landed = studyDayNumber(l.nextDue, { timeZone: "UTC", rolloverHour: 4 });
      expect(landed).toBeGreaterThanOrEqual(w.from);
      expect(landed).toBeLessThan(w.from + w.days.length);
    }
    for (const c of cards) {
      const { stored, replayed } = await replayedCard(db, u.id, c.id);
      expect({ id: c.catalogCardId, ...replayed }).toEqual({ id: c.catalogCardId, ...stored });
    }
    // Rescheduling with the same parameters moves no card.
    expect((await applyReschedule(u.id)).moved).toBe(0);
  });

  it("picks an online grade's day from the load of its own days, the same day and stored load the whole deck's load gives", async () => {
    const u = await makeUser();
    const t0 = new Date(Date.now() - 20 * DAY);
    const cards = await deckInReview(u.id, t0);
    const user = await settingsOf(u.id);
    let balanced = 0;
    for (const [i, c] of cards.entries()) {
      const card = await db.card.findUniqueOrThrow({ where: { id: c.id }, include: { catalogCard: true } });
      const now = new Date(Math.max(card.due.getTime(), t0.getTime() + DAY) + MIN);
      const rating = ([Rating.Hard, Rating.Good, Rating.Easy] as const)[i % 3]!;
      // The oracle: the pick from every studied card of the deck due in the whole window.
      const { from, to } = loadBounds(now);
      const others = await db.card.findMany({
        where: { userId: u.id, id: { not: c.id }, state: { not: State.New }, suspendedAt: null, due: { gte: from, lt: to } },
      });
      const load = others.map((o) => ({ due: o.due, catalogCardId: o.catalogCardId }));
      const window = windowFor(balancingOf(user, load, now, dayContextOf(user)), card.catalogCardId);
      const expected = gradeCard(cardScheduler(schedulerSettingsOf(user), card.catalogCard.safety), cardStateOf(card.id, card), rating, now, window);
      await gradeAndNext(u.id, grade(c.id, card.version, rating), now);
      const log = await db.reviewLog.findFirstOrThrow({ where: { cardId: c.id }, orderBy: { review: "desc" } });
      expect({ card: c.id, due: log.nextDue, balance: log.balance }).toEqual({
        card: c.id,
        due: expected.card.due,
        balance: expected.balance && windowToJson(expected.balance),
      });
      if (log.balance) balanced++;
    }
    expect(balanced).toBeGreaterThan(cards.length / 2);
  });

  it("puts an offline grade that arrives late in its place and still replays to the stored card", async () => {
    const u = await makeUser();
    // After the cards were added: an offline grade from before that is refused.
    const t0 = new Date(Date.now() + 60 * MIN);
    const [a] = await deckInReview(u.id, t0);
    const due = (await db.card.findUniqueOrThrow({ where: { id: a!.id } })).due;
    // Graded on another device at its due date, then this device's earlier grade (made offline) arrives.
    await gradeOnline(u.id, a!.id, Rating.Good, new Date(due.getTime() + 2 * DAY));
    const late = { clientId: randomUUID(), cardId: a!.id, rating: Rating.Good as const, reviewedAt: due.getTime() + 60 * MIN, durationMs: 3000 };
    const [r] = await syncOfflineGrades(u.id, [late], new Date(due.getTime() + 3 * DAY));
    expect(r).toMatchObject({ status: "stored" });
    const { stored, replayed } = await replayedCard(db, u.id, a!.id);
    expect(replayed).toEqual(stored);
  });

  it("keeps reviews off Minimum weekdays when the range has another day", async () => {
    const u = await makeUser();
    // Only Wednesday is Normal.
    await updateSettings(u.id, { ...(await getSettings(u.id)), easyWeekdays: ["minimum", "minimum", "normal", "minimum", "minimum", "minimum", "minimum"] });
    const t0 = new Date(Date.now() - 20 * DAY);
    const cards = await deckInReview(u.id, t0);
    for (const c of cards) {
      const now = await db.card.findUniqueOrThrow({ where: { id: c.id } });
      await gradeOnline(u.id, c.id, Rating.Good, new Date(Math.max(now.due.getTime(), t0.getTime() + DAY) + MIN));
    }
    const easy = { weekdays: (await getSettings(u.id)).easyWeekdays!, dates: [] };
    const logs = await db.reviewLog.findMany({ where: { userId: u.id, NOT: { balance: null } } });
    expect(logs.length).toBeGreaterThan(0);
    for (const l of logs) {
      const w = windowFromJson(l.balance)!;
      const hasNormal = w.days.some((d) => d.level === "normal");
      const landed = studyDayNumber(l.nextDue, { timeZone: "UTC", rolloverHour: 4 });
      if (hasNormal) expect(levelOn(landed, easy)).toBe("normal");
    }
  });

  it("leaves every review unbalanced when the learner turns even days off", async () => {
    const u = await makeUser();
    await updateSettings(u.id, { ...(await getSettings(u.id)), loadBalance: false });
    const t0 = new Date(Date.now() - 20 * DAY);
    const cards = await deckInReview(u.id, t0);
    for (const c of cards.slice(0, 3)) {
      const now = await db.card.findUniqueOrThrow({ where: { id: c.id } });
      await gradeOnline(u.id, c.id, Rating.Good, new Date(Math.max(now.due.getTime(), t0.getTime() + DAY) + MIN));
    }
    expect(await db.reviewLog.count({ where: { userId: u.id, NOT: { balance: null } } })).toBe(0);
  });
});

describe("easy-day settings", () => {
  it("are stored and read back, and refused with a message when not valid", async () => {
    const u = await makeUser();
    const base = await getSettings(u.id);
    expect(base).toMatchObject({ loadBalance: true, easyWeekdays: Array(7).fill("normal"), easyDates: [] });
    await updateSettings(u.id, {
      ...base,
      easyWeekdays: ["normal", "normal", "normal", "normal", "normal", "reduced", "minimum"],
      easyDates: "2026-12-25, 2026-12-24",
    });
    expect(await getSettings(u.id)).toMatchObject({
      easyWeekdays: ["normal", "normal", "normal", "normal", "normal", "reduced", "minimum"],
      easyDates: ["2026-12-24", "2026-12-25"],
    });
    await expect(updateSettings(u.id, { ...base, easyDates: "25/12/2026" })).rejects.toThrow(/not valid/);
    await expect(updateSettings(u.id, { ...base, easyWeekdays: ["normal"] })).rejects.toThrow(/not valid/);
    expect((await getSettings(u.id)).easyDates).toEqual(["2026-12-24", "2026-12-25"]);
  });
});
