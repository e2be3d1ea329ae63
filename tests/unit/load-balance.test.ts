import { describe, expect, it } from "vitest";
import { type Grade, Rating, State, get_fuzz_range } from "ts-fsrs";
import { getLessons } from "@/lib/content/load";
import {
  balancedInterval,
  easyFactors,
  levelOn,
  loadWindow,
  NORMAL_WEEK,
  seededUnit,
  windowFromJson,
  windowToJson,
  type EasyDays,
  type LoadDay,
  type LoadWindow,
} from "@/lib/srs/load-balance";
import { createScheduler, gradeCard, newCardState, previewIntervals, type CardState } from "@/lib/srs/scheduler";
import { rescheduledCard } from "@/lib/srs/replay";
import { prng } from "@/lib/prng";
import { studyDayNumber } from "@/lib/srs/day";

const day = (due: number, near = false, level: LoadDay["level"] = "normal"): LoadDay => ({ due, near, level });
const win = (from: number, days: LoadDay[]): LoadWindow => ({ from, days });
const NONE: EasyDays = { weekdays: NORMAL_WEEK, dates: [] };

describe("the even-days pick", () => {
  it("gives the same day for the same inputs and stays inside the fuzz range", () => {
    const w = win(
      100,
      Array.from({ length: 40 }, (_, k) => day((k * 7) % 5)),
    );
    for (let s = 0; s < 200; s++) {
      const input = { interval: 20, min: 18, max: 22, reviewDay: 100, window: w, seed: `card-${s}:3` };
      const a = balancedInterval(input);
      expect(a).toBe(balancedInterval(input));
      expect(a).toBeGreaterThanOrEqual(18);
      expect(a).toBeLessThanOrEqual(22);
    }
  });

  it("sends most cards to the quiet day of the range", () => {
    const w = win(0, [day(0), day(0), day(0), day(30), day(30), day(3), day(30), day(30)]);
    const picks = Array.from({ length: 300 }, (_, s) => balancedInterval({ interval: 5, min: 3, max: 7, reviewDay: 0, window: w, seed: `s${s}` }));
    const quiet = picks.filter((p) => p === 5).length;
    expect(quiet).toBeGreaterThan(250);
  });

  it("keeps a card away from days near a card of its own lesson section", () => {
    const w = win(0, [day(0), day(0), day(0), day(2, true), day(2, true), day(2, false), day(2, true), day(2, true)]);
    const picks = Array.from({ length: 300 }, (_, s) => balancedInterval({ interval: 5, min: 3, max: 7, reviewDay: 0, window: w, seed: `s${s}` }));
    expect(picks.filter((p) => p === 5).length).toBeGreaterThan(200);
  });

  it("does not balance an interval over 90 days or a range the window does not cover", () => {
    const w = win(
      0,
      Array.from({ length: 120 }, () => day(1)),
    );
    expect(balancedInterval({ interval: 95, min: 90, max: 100, reviewDay: 0, window: w, seed: "x" })).toBeNull();
    expect(balancedInterval({ interval: 10, min: 9, max: 11, reviewDay: 115, window: w, seed: "x" })).toBeNull();
  });

  it("never picks a Minimum day while another day of the range can take the card", () => {
    const w = win(0, [day(0), day(0), day(0), day(0, false, "minimum"), day(9), day(0, false, "minimum")]);
    for (let s = 0; s < 200; s++) expect(balancedInterval({ interval: 4, min: 3, max: 5, reviewDay: 0, window: w, seed: `s${s}` })).toBe(4);
  });

  it("treats every weekday Reduced as every weekday Normal", () => {
    expect(easyFactors([day(3, false, "reduced"), day(9, false, "reduced"), day(1, false, "reduced")])).toEqual([1, 1, 1]);
  });

  it("avoids a Reduced day once it holds more than its share of the range's cards", () => {
    expect(easyFactors([day(5), day(5, false, "reduced"), day(5)])[1]).toBeLessThan(0.01);
    expect(easyFactors([day(5), day(1, false, "reduced"), day(5)])[1]).toBe(1);
  });

  it("reads weekday levels Monday first and makes a specific date Minimum", () => {
    // 2026-12-05 is a Saturday.
    const sat = Math.round(Date.UTC(2026, 11, 5) / 86_400_000);
    const easy: EasyDays = { weekdays: ["normal", "normal", "normal", "normal", "normal", "reduced", "normal"], dates: ["2026-12-07"] };
    expect(levelOn(sat, easy)).toBe("reduced");
    expect(levelOn(sat + 1, easy)).toBe("normal");
    expect(levelOn(sat + 2, easy)).toBe("minimum");
  });

  it("stores a window and reads it back unchanged", () => {
    const w = loadWindow(
      10,
      6,
      [
        { day: 12, section: "a#b" },
        { day: 12, section: "c#d" },
        { day: 14, section: "a#b" },
      ],
      "a#b",
      NONE,
    );
    expect(w.days.map((d) => d.due)).toEqual([0, 0, 2, 0, 1, 0]);
    expect(w.days.map((d) => d.near)).toEqual([true, true, true, true, true, true]);
    expect(windowFromJson(windowToJson(w))).toEqual(w);
    expect(windowFromJson("not json")).toBeNull();
  });

  it("spreads its seeds over [0, 1)", () => {
    const xs = Array.from({ length: 1000 }, (_, i) => seededUnit(`card${i}:2`));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
  });
});

// The test: a month of the demo deck, graded every day, with and without even days.
const ctx = { timeZone: "Europe/London", rolloverHour: 4 };
const settings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null, day: ctx };
const DAYS = 60;
const start = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));

type Log = {
  cardId: string;
  rating: Grade;
  review: Date;
  balance: LoadWindow | null;
  nextDue: Date;
  scheduledDays: number;
  unbalancedDays: number;
  state: number;
};

function simulate(balance: boolean, easy: EasyDays = NONE, seed = 7, newPerDay = 8) {
  const f = createScheduler(settings);
  const cards = getLessons().flatMap((l) => l.cards.map((c) => ({ id: `demo-${c.id}`, section: `${l.slug}#${c.section}` })));
  const sectionOf = new Map(cards.map((c) => [c.id, c.section]));
  const state = new Map<string, CardState>();
  const logs: Log[] = [];
  const perDay: number[] = [];
  const rand = prng(seed);
  let next = 0;
  for (let d = 0; d < DAYS; d++) {
    let now = new Date(start.getTime() + d * 86_400_000);
    for (let i = 0; i < newPerDay && next < cards.length; i++, next++) state.set(cards[next]!.id, newCardState(cards[next]!.id, now));
    const today = studyDayNumber(now, ctx);
    let reviews = 0;
    for (let pass = 0; pass < 4; pass++) {
      for (const c of cards) {
        const card = state.get(c.id);
        // As /review: a review is due all its study day, a learning step from its minute on.
        if (!card || (card.state === State.Review ? studyDayNumber(card.due, ctx) > today : card.due > now)) continue;
        const r = rand();
        const rating: Grade = r < 0.1 ? Rating.Again : r < 0.2 ? Rating.Hard : r < 0.93 ? Rating.Good : Rating.Easy;
        const others = [...state.values()]
          .filter((o) => o.id !== c.id && o.state !== State.New)
          .map((o) => ({ day: studyDayNumber(o.due, ctx), section: sectionOf.get(o.id)! }));
        const window = balance ? loadWindow(today, 102, others, c.section, easy) : null;
        const plain = gradeCard(f, card, rating, now);
        const g = gradeCard(f, card, rating, now, window);
        if (card.state === State.Review) reviews++;
        logs.push({
          cardId: c.id,
          rating,
          review: now,
          balance: g.balance,
          nextDue: g.card.due,
          scheduledDays: g.card.scheduledDays,
          unbalancedDays: plain.card.scheduledDays,
          state: g.card.state,
        });
        state.set(c.id, g.card);
        now = new Date(now.getTime() + 20_000);
      }
      now = new Date(now.getTime() + 11 * 60_000);
    }
    perDay.push(reviews);
  }
  return { f, state, logs, perDay };
}

const spread = (xs: number[]) => Math.max(...xs) / (xs.reduce((a, x) => a + x, 0) / xs.length);

describe("a simulated month of the demo deck", () => {
  const on = simulate(true);

  it("has a smaller spread of daily reviews with even days than without", () => {
    // Each day's reviews after the first two weeks (by then every card is in the deck), as
    // max/mean, averaged over three learners answering differently.
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const spreadOf = (balance: boolean) => mean([1, 2, 3].map((seed) => spread(simulate(balance, NONE, seed, 5).perDay.slice(15))));
    expect(spreadOf(true)).toBeLessThan(spreadOf(false));
  }, 60_000);

  it("keeps every balanced interval inside its fuzz range", () => {
    const balanced = on.logs.filter((l) => l.balance);
    expect(balanced.length).toBeGreaterThan(100);
    const mod = on.f.fsrs.calculate_interval_modifier(0.9);
    for (const l of balanced) {
      if (l.state !== State.Review) continue;
      // The range ts-fsrs fuzzed the unbalanced interval in holds the balanced one too: both are
      // days read from the window, which covers exactly the range.
      const from = studyDayNumber(l.review, ctx);
      const first = l.balance!.from - from;
      const last = first + l.balance!.days.length - 1;
      expect(l.scheduledDays).toBeGreaterThanOrEqual(first);
      expect(l.scheduledDays).toBeLessThanOrEqual(last);
      expect(l.unbalancedDays).toBeGreaterThanOrEqual(first);
      expect(l.unbalancedDays).toBeLessThanOrEqual(last);
      expect(mod).toBeGreaterThan(0);
    }
    // And the range is ts-fsrs's fuzz range of some interval up to 90 days.
    const widths = new Set(balanced.map((l) => l.balance!.days.length));
    const fuzzWidths = new Set(Array.from({ length: 90 }, (_, i) => get_fuzz_range(i + 3, 0, 36500)).map((r) => r.max_ivl - r.min_ivl + 1));
    for (const w of widths) expect([...fuzzWidths].some((fw) => fw >= w)).toBe(true);
  });

  it("moves some reviews to another day than ts-fsrs's own fuzz", () => {
    expect(on.logs.filter((l) => l.balance && l.scheduledDays !== l.unbalancedDays).length).toBeGreaterThan(10);
  });

  it("reproduces every due date when the log is replayed", () => {
    const byCard = new Map<string, Log[]>();
    for (const l of on.logs) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
    for (const [id, logs] of byCard) {
      let card = newCardState(id, logs[0]!.review);
      for (const l of logs) {
        card = gradeCard(on.f, card, l.rating, l.review, l.balance && windowFromJson(windowToJson(l.balance))).card;
        expect(card.due.toISOString()).toBe(l.nextDue.toISOString());
      }
      expect(card.due.toISOString()).toBe(on.state.get(id)!.due.toISOString());
      // Rescheduling with unchanged parameters moves nothing.
      const again = rescheduledCard(on.f, on.state.get(id)!, logs);
      if (again) expect(again.due.toISOString()).toBe(on.state.get(id)!.due.toISOString());
    }
  });

  it("shows on each button the day grading then gives", () => {
    const c = [...on.state.values()].find((x) => x.state === State.Review)!;
    const now = new Date(c.due.getTime() + 3_600_000);
    const today = studyDayNumber(now, ctx);
    const w = loadWindow(
      today,
      102,
      [
        { day: today + 5, section: "s" },
        { day: today + 6, section: "s" },
      ],
      "s",
      NONE,
    );
    const shown = previewIntervals(on.f, c, now, w);
    for (const p of shown) expect(gradeCard(on.f, c, p.rating, now, w).card.due.toISOString()).toBe(p.due.toISOString());
  });

  it("keeps reviews off a Minimum weekday", () => {
    const sundays: EasyDays = { weekdays: ["normal", "normal", "normal", "normal", "normal", "normal", "minimum"], dates: [] };
    const easy = simulate(true, sundays);
    const isSunday = (t: Date) => new Date(studyDayNumber(t, ctx) * 86_400_000).getUTCDay() === 0;
    const onSunday = (logs: Log[]) => logs.filter((l) => l.balance && l.state === State.Review && isSunday(l.nextDue)).length;
    expect(onSunday(easy.logs)).toBeLessThan(onSunday(on.logs) / 3);
  }, 60_000);
});
