import { describe, expect, it } from "vitest";
import { masteryOf, MASTERED_STABILITY_DAYS, NO_CARDS, type DeckTally, type MasteryEvidence } from "@/lib/learn/mastery-level";

// A studied card's recall today and stability, or a new card (null).
type Card = { recall: number; stability: number } | null;
const card = (recall: number, stability: number): Card => ({ recall, stability });
const fresh: Card = null;
// The lesson's cards in the deck, tallied as lib/learn/mastery.ts's query tallies them.
const deck = (...cards: Card[]): DeckTally => {
  const studied = cards.filter((c) => c !== null);
  return {
    inDeck: cards.length,
    studied: studied.length,
    meanRecall: studied.length ? studied.reduce((a, c) => a + c.recall, 0) / studied.length : 0,
    lasting: studied.filter((c) => c.stability >= MASTERED_STABILITY_DAYS).length,
  };
};
const base: MasteryEvidence = { read: false, quizBest: null, cardsTotal: 3, cards: NO_CARDS, desiredRetention: 0.9 };

describe("a lesson's mastery level", () => {
  it("is Not started with nothing shown, and asks for the lesson to be read", () => {
    expect(masteryOf(base)).toMatchObject({ level: "not-started", step: 0, next: "Read the lesson." });
  });

  it("is Read once the lesson was read, a quiz taken below the pass mark, or cards added", () => {
    expect(masteryOf({ ...base, read: true })).toMatchObject({ level: "read", next: "Take the quiz to reach Familiar." });
    expect(masteryOf({ ...base, quizBest: { score: 4, total: 7 } })).toMatchObject({ level: "read", next: "Get 5 of 7 right in the quiz to reach Familiar." });
    expect(masteryOf({ ...base, cards: deck(fresh) }).level).toBe("read");
  });

  it("is Familiar from 70% right in one quiz attempt, and says what Proficient needs", () => {
    expect(masteryOf({ ...base, quizBest: { score: 5, total: 7 } })).toMatchObject({
      level: "familiar",
      next: "Add the lesson's cards to your deck (Remember this lesson) and review them.",
    });
    expect(masteryOf({ ...base, quizBest: { score: 7, total: 7 }, cards: deck(card(0.95, 5), fresh, fresh) }).next).toBe(
      "Review its 2 new cards to reach Proficient.",
    );
    expect(masteryOf({ ...base, quizBest: { score: 7, total: 7 }, cards: deck(card(0.95, 5), card(0.8, 5), card(0.8, 5)) })).toMatchObject({
      level: "familiar",
      next: "Keep reviewing: you recall 85% of its cards today; Proficient needs your target of 90%.",
    });
  });

  it("is Proficient when every card is studied and recalled at the desired retention, and Mastered when each lasts 3 weeks", () => {
    const passed = { ...base, quizBest: { score: 6, total: 8 } };
    expect(masteryOf({ ...passed, cards: deck(card(0.95, 30), card(0.9, 10), card(0.92, 22)) })).toMatchObject({
      level: "proficient",
      step: 3,
      next: "Keep reviewing: 2 of 3 cards are remembered for 3 weeks or more. Mastered needs all of them.",
    });
    expect(masteryOf({ ...passed, cards: deck(card(0.95, 30), card(0.9, 21), card(0.92, 22)) })).toMatchObject({ level: "mastered", step: 4, next: null });
  });

  it("never passes the quiz step on cards alone", () => {
    expect(masteryOf({ ...base, read: true, cards: deck(card(0.99, 40), card(0.99, 40), card(0.99, 40)) }).level).toBe("read");
  });

  it("measures Proficient against the learner's own target", () => {
    const e = { ...base, quizBest: { score: 7, total: 7 }, cards: deck(card(0.86, 5), card(0.86, 5), card(0.86, 5)) };
    expect(masteryOf({ ...e, desiredRetention: 0.85 }).level).toBe("proficient");
    expect(masteryOf({ ...e, desiredRetention: 0.9 }).level).toBe("familiar");
  });
});
