// A lesson's mastery level, from what the learner has shown (in the style of Khan Academy's
// mastery levels). Each level includes the ones before it:
//   Not started  nothing yet
//   Read         read to the end (or its quiz taken, or its cards added)
//   Familiar     quiz passed: at least QUIZ_PASS_RATIO of its questions right in one attempt
//   Proficient   every card of the lesson in the deck and studied, and their mean recall today
//                at least the learner's desired retention
//   Mastered     and every one of those cards remembered for MASTERED_STABILITY_DAYS or more
// Pure: lib/learn/mastery.ts gathers the evidence.

export const MASTERY_LEVELS = ["not-started", "read", "familiar", "proficient", "mastered"] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

export const MASTERY_LABELS: Record<MasteryLevel, string> = {
  "not-started": "Not started",
  read: "Read",
  familiar: "Familiar",
  proficient: "Proficient",
  mastered: "Mastered",
};

export const QUIZ_PASS_RATIO = 0.7;
export const MASTERED_STABILITY_DAYS = 21;

// The learner's copies of a lesson's live cards, counted: how many are in the deck, how many
// of those were studied (reviewed at least once), their mean recall today, and how many of the
// studied ones are remembered for MASTERED_STABILITY_DAYS or more.
export type DeckTally = { inDeck: number; studied: number; meanRecall: number; lasting: number };

export const NO_CARDS: DeckTally = { inDeck: 0, studied: 0, meanRecall: 0, lasting: 0 };

export type MasteryEvidence = {
  read: boolean;
  quizBest: { score: number; total: number } | null;
  // The lesson's live cards, and the learner's copies of them.
  cardsTotal: number;
  cards: DeckTally;
  desiredRetention: number;
};

export type Mastery = {
  level: MasteryLevel;
  // 0 (not started) to 4 (mastered).
  step: number;
  label: string;
  // What the next level takes, in plain words; null when mastered.
  next: string | null;
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const passMark = (total: number) => Math.ceil(total * QUIZ_PASS_RATIO - 1e-9);

export function masteryOf(e: MasteryEvidence): Mastery {
  const passed = e.quizBest !== null && e.quizBest.total > 0 && e.quizBest.score >= passMark(e.quizBest.total);
  const { inDeck, studied, meanRecall, lasting } = e.cards;
  const started = e.read || e.quizBest !== null || inDeck > 0;
  const allIn = e.cardsTotal > 0 && inDeck >= e.cardsTotal;
  const proficient = passed && allIn && studied === inDeck && meanRecall >= e.desiredRetention;
  const mastered = proficient && lasting === inDeck;

  const at = (level: MasteryLevel, next: string | null): Mastery => ({ level, step: MASTERY_LEVELS.indexOf(level), label: MASTERY_LABELS[level], next });
  if (mastered) return at("mastered", null);
  if (proficient) return at("proficient", `Keep reviewing: ${lasting} of ${inDeck} cards are remembered for 3 weeks or more. Mastered needs all of them.`);
  if (passed) {
    if (e.cardsTotal === 0) return at("familiar", null);
    if (!allIn) return at("familiar", "Add the lesson's cards to your deck (Remember this lesson) and review them.");
    const fresh = inDeck - studied;
    if (fresh > 0) return at("familiar", `Review its ${fresh} new ${fresh === 1 ? "card" : "cards"} to reach Proficient.`);
    return at("familiar", `Keep reviewing: you recall ${pct(meanRecall)} of its cards today; Proficient needs your target of ${pct(e.desiredRetention)}.`);
  }
  if (started) {
    const total = e.quizBest?.total;
    return at("read", total ? `Get ${passMark(total)} of ${total} right in the quiz to reach Familiar.` : "Take the quiz to reach Familiar.");
  }
  return at("not-started", "Read the lesson.");
}
