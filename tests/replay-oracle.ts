import type { PrismaClient } from "@prisma/client";
import { restoredCardFields, cardStateOf } from "@/lib/srs/card-rows";
import { replayGrades } from "@/lib/srs/replay";
import { windowFromJson } from "@/lib/srs/load-balance";
import { createScheduler } from "@/lib/srs/scheduler";
import { dayContextOf, schedulerSettingsOf } from "@/lib/srs/settings";

// The test oracle for "a card's state equals a fresh replay of its history": start from the
// snapshot before the card's first live review since its last reset (a forget not undone) and
// replay every live review since then in review-time order with the learner's current
// parameters (lib/srs/replay.ts, the scheduler call grading uses). `logs` are those reviews.
export async function replayedCard(db: PrismaClient, userId: string, cardId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const reset = await db.cardEvent.findFirst({ where: { userId, cardId, kind: "forget", undoneAt: null }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  const logs = await db.reviewLog.findMany({
    where: { userId, cardId, undoneAt: null, ...(reset ? { review: { gt: reset.at } } : {}) },
    orderBy: [{ review: "asc" }, { id: "asc" }],
  });
  const card = await db.card.findUniqueOrThrow({ where: { id: cardId } });
  const fields = (c: {
    state: number;
    due: Date;
    stability: number;
    difficulty: number;
    elapsedDays: number;
    scheduledDays: number;
    learningSteps: number;
    reps: number;
    lapses: number;
    lastReview: Date | null;
  }) => ({
    state: c.state,
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsedDays,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.lastReview?.toISOString() ?? null,
  });
  if (!logs.length) return { stored: fields(card), replayed: fields(card), logs };
  const start = { ...cardStateOf(cardId, restoredCardFields(logs[0]!)), version: 0 };
  const steps = replayGrades(
    createScheduler(schedulerSettingsOf(user)),
    dayContextOf(user),
    start,
    logs.map((l) => ({ rating: l.rating, review: l.review, durationMs: l.durationMs, balance: windowFromJson(l.balance) })),
  );
  return { stored: fields(card), replayed: fields(steps[steps.length - 1]!.card), logs };
}
