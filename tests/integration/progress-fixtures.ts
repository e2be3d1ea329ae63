import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { getLessons } from "@/lib/content/load";
import { addLessonToDeck } from "@/lib/srs/deck";
import { default_w, forgetting_curve, Rating, State, type Grade } from "ts-fsrs";
import { prng } from "@/lib/prng";
import { simulateHistory } from "@/lib/srs/simulate";
import type { CardState } from "@/lib/srs/scheduler";
import type { DayContext } from "@/lib/srs/day";

// Safety cards are graded at their own parameters (lib/srs/safety.ts), here as everywhere.
const safetyIds = new Set(getLessons().flatMap((l) => l.cards.filter((c) => c.safety).map((c) => c.id)));

// Review-history fixtures for the progress, optimizer and account suites.

export async function deckOf(userId: string, n: number) {
  for (const l of getLessons()) {
    if ((await db.card.count({ where: { userId } })) >= n) break;
    await addLessonToDeck(userId, l.slug);
  }
  return db.card.findMany({ where: { userId }, orderBy: [{ catalogCard: { position: "asc" } }], take: n });
}

type LogInput = { cardId: string; reviewDay: number; rating: number; state: number; durationMs?: number; review?: Date; undone?: boolean };

// A hand-made log row; fields the dashboard does not read get plausible fillers.
export function logRow(userId: string, l: LogInput) {
  const review = l.review ?? new Date(l.reviewDay * 86_400_000 + 12 * 3_600_000);
  return {
    userId,
    cardId: l.cardId,
    clientId: randomUUID(),
    rating: l.rating,
    state: l.state,
    due: review,
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    lastElapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    review,
    durationMs: l.durationMs ?? 5000,
    reviewDay: l.reviewDay,
    prevDue: review,
    prevLastReview: null,
    prevElapsedDays: 0,
    prevReps: 0,
    prevLapses: 0,
    prevVersion: 0,
    nextState: 2,
    nextDue: review,
    nextScheduledDays: 1,
    nextStability: 1,
    nextVersion: 1,
    undoneAt: l.undone ? new Date() : null,
  };
}

// Simulated history written straight to the tables (cards get their final state too).
export async function seedHistory(
  userId: string,
  opts: {
    cards: number;
    days: number;
    start: Date;
    ctx?: DayContext;
    seed?: number;
    newPerDay?: number;
    fuzz?: boolean;
    ratingFor?: Parameters<typeof simulateHistory>[0]["ratingFor"];
  },
) {
  const ctx = opts.ctx ?? { timeZone: "UTC", rolloverHour: 4 };
  const cards = await deckOf(userId, opts.cards);
  const safe = new Set(cards.filter((c) => safetyIds.has(c.catalogCardId)).map((c) => c.id));
  const { cards: states, logs } = simulateHistory({
    cardKeys: cards.map((c) => c.id),
    start: opts.start,
    days: opts.days,
    newPerDay: opts.newPerDay ?? Math.ceil(opts.cards / 10),
    ctx,
    seed: opts.seed ?? 3,
    settings: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: opts.fuzz ?? true, weights: null },
    safetyKeys: safe,
    ratingFor: opts.ratingFor,
  });
  for (const [id, s] of states) {
    const { id: _id, version, ...fields } = s;
    await db.card.update({ where: { id }, data: { ...fields, version } });
  }
  const rows = logs.map(({ cardKey, ...l }) => ({ ...l, userId, cardId: cardKey, clientId: randomUUID() }));
  for (let i = 0; i < rows.length; i += 2000) await db.reviewLog.createMany({ data: rows.slice(i, i + 2000) });
  return { cards, logs };
}

export async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

// A learner who remembers a card with the chance a memory model gives it: the standard FSRS
// model itself, or one whose memories last `stabilityFactor` times as long. The simulated
// learner reviews each card on its due day, so the time since its last review is its interval.
export function recallLearner(stabilityFactor: number, seed: number) {
  const rand = prng(seed);
  return (_key: string, card: CardState): Grade => {
    if (card.state === State.New || card.stability <= 0) return rand() < 0.8 ? Rating.Good : Rating.Again;
    const recall = forgetting_curve(default_w, Math.max(0, card.scheduledDays), card.stability * stabilityFactor);
    if (rand() >= recall) return Rating.Again;
    const r = rand();
    return r < 0.15 ? Rating.Hard : r < 0.95 ? Rating.Good : Rating.Easy;
  };
}
