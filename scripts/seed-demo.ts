import type { PrismaClient } from "@prisma/client";
import { createHash, randomUUID } from "node:crypto";
import { Rating, State } from "ts-fsrs";
import { hashPassword } from "../lib/auth/password";
import { DEMO_ACCOUNT } from "../lib/demo";
import type { Lesson } from "../lib/content/schema";
import { simulateHistory } from "../lib/srs/simulate";
import { cardFields } from "../lib/srs/card-rows";
import { countDue, dueCutoff } from "../lib/srs/due";
import { DEFAULT_LEECH_THRESHOLD, leechChangeOf, LEECH_FLAGGED } from "../lib/srs/leech";

// The demo account: three lessons' cards with about 60 days of simulated reviews, graded
// through the real scheduler (lib/srs/simulate.ts → gradeCard), with the usual lapses and one
// leech (a card failed every time it comes up for review, 8+ lapses), so that /review,
// /progress, the card histories, personal parameters (64+ training items) and rescheduling
// have something real to show at once. The fourth lesson's cards were added today and are new.
// Deterministic: the same plan for the same start day.
//
// The history is laid out relative to "now", so that whatever day the demo is seeded, its first
// session holds DEMO_SESSION.min to DEMO_SESSION.max cards: the new cards the daily limit lets
// through, and the cards due today. A small deck reviewed every day has only a card or two due
// on any one day, so the demo learner had a busy last few days (one review a day, which keeps
// the streak): as few such days as it takes for enough cards to come due.

export const DEMO_DAYS = 60;
export const DEMO_LESSONS = 3;
// Lessons whose cards were added on the seeding day, not yet studied.
const DEMO_NEW_LESSONS = 1;
export const DEMO_SESSION = { min: 15, max: 20 } as const;
// The account's new-card limit (the schema's default), which caps today's new cards.
export const DEMO_NEW_PER_DAY = 10;
const DEMO_CTX = { timeZone: "UTC", rolloverHour: 4 };
const DEMO_SETTINGS = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null };
const MAX_BUSY_DAYS = 30;

// The demo card's row id for a catalogue card: fixed, so the plan is the same on every run,
// and decided before the history is graded, because fuzz is seeded by the row id
// (lib/srs/scheduler.ts fuzzSeedOf). Graded under the catalogue id instead, the history would
// disagree with every later replay (rescheduling with unchanged parameters would move cards).
export function demoCardId(catalogCardId: string): string {
  return `demo_${createHash("sha256").update(`unknot-demo-card:${catalogCardId}`).digest("hex").slice(0, 32)}`;
}

function demoStart(now: Date): Date {
  const start = new Date(now.getTime() - DEMO_DAYS * 86_400_000);
  start.setUTCHours(0, 0, 0, 0);
  return start;
}

// The plan is keyed by catalogue id (`cardKeys`, `cards`, the logs' `cardKey`); each card is
// graded under its row id, demoCardId.
export function planDemoHistory(lessons: Lesson[], now: Date) {
  const studied = lessons.slice(0, DEMO_LESSONS).flatMap((l) => l.cards.map((c) => c.id));
  const added = lessons.slice(DEMO_LESSONS, DEMO_LESSONS + DEMO_NEW_LESSONS).flatMap((l) => l.cards.map((c) => c.id));
  const cardKeys = [...studied, ...added];
  const start = demoStart(now);
  // The leech: an early card, so it has time to fail eight times and more.
  const leech = studied[1]!;
  const leechId = demoCardId(leech);
  const keyOf = new Map(studied.map((key) => [demoCardId(key), key]));
  const safe = new Set(lessons.flatMap((l) => l.cards.filter((c) => c.safety).map((c) => demoCardId(c.id))));
  const cutoff = dueCutoff(now, DEMO_CTX);
  const freshToday = Math.min(added.length, DEMO_NEW_PER_DAY);
  const simulate = (busyDays: number) =>
    simulateHistory({
      cardKeys: [...keyOf.keys()],
      start,
      days: DEMO_DAYS,
      newPerDay: 3,
      settings: DEMO_SETTINGS,
      ctx: DEMO_CTX,
      seed: 7,
      safetyKeys: safe,
      maxReviewsOnDay: (day) => (day >= DEMO_DAYS - busyDays ? 1 : undefined),
      ratingFor: (id, card) => (id !== leechId ? undefined : card.state !== State.Review ? Rating.Good : card.lapses < 9 ? Rating.Again : undefined),
    });
  let busyDays = 0;
  let sim = simulate(0);
  while (busyDays < MAX_BUSY_DAYS && countDue(sim.cards.values(), cutoff) + freshToday < DEMO_SESSION.min) sim = simulate(++busyDays);
  const cards = new Map([...sim.cards].map(([id, c]) => [keyOf.get(id)!, c]));
  const logs = sim.logs.map((l) => ({ ...l, cardKey: keyOf.get(l.cardKey)! }));
  return { cardKeys, start, leech, busyDays, cards, logs };
}

// The size of the demo's first session at `now`: cards due today and the new cards the limit lets through.
export function demoSessionSize(plan: ReturnType<typeof planDemoHistory>, now: Date): { due: number; fresh: number } {
  const due = countDue(plan.cards.values(), dueCutoff(now, DEMO_CTX));
  return { due, fresh: Math.min(plan.cardKeys.length - plan.cards.size, DEMO_NEW_PER_DAY) };
}

// The leech rule as grading applies it (lib/srs/leech.ts). The demo learner keeps leeches in the
// queue with a notice ("flag only"): the simulated history goes on reviewing the leech after its
// eighth lapse, which a suspended card would not be.
const DEMO_LEECH_RULE = { threshold: DEFAULT_LEECH_THRESHOLD, action: "flag" } as const;

export function withLeechRule<L extends { cardKey: string; state: number; rating: number; prevLapses: number }>(logs: L[]) {
  const leeches = new Set<string>();
  const out = logs.map((l) => {
    const nextLapses = l.prevLapses + (l.state === State.Review && l.rating === Rating.Again ? 1 : 0);
    const leechChange = leechChangeOf({ prevLapses: l.prevLapses, nextLapses, leech: leeches.has(l.cardKey), suspended: false }, DEMO_LEECH_RULE);
    if (leechChange & LEECH_FLAGGED) leeches.add(l.cardKey);
    return { ...l, leechChange };
  });
  return { logs: out, leeches };
}

export async function seedDemoAccount(db: PrismaClient, lessons: Lesson[], now = new Date()): Promise<string> {
  // Laid out again when the server starts on a later day than it was seeded on, so that
  // "Try the demo account" opens a full session on any day. It holds no one's real data.
  const existing = await db.user.findUnique({ where: { email: DEMO_ACCOUNT.email }, select: { id: true, createdAt: true } });
  if (existing && existing.createdAt.getTime() >= demoStart(now).getTime()) return "already present";
  const t0 = performance.now();
  const plan = planDemoHistory(lessons, now);
  const { cardKeys, start, cards } = plan;
  const { logs, leeches } = withLeechRule(plan.logs);
  const passwordHash = await hashPassword(DEMO_ACCOUNT.password);
  await db.$transaction(async (tx) => {
    // The cards, reviews and everything else of the old demo go with it (cascade).
    if (existing) await tx.user.delete({ where: { id: existing.id } });
    const user = await tx.user.create({
      data: {
        email: DEMO_ACCOUNT.email,
        name: DEMO_ACCOUNT.name,
        passwordHash,
        timeZone: DEMO_CTX.timeZone,
        dayRolloverHour: DEMO_CTX.rolloverHour,
        newCardsPerDay: DEMO_NEW_PER_DAY,
        leechAction: DEMO_LEECH_RULE.action,
        createdAt: start,
      },
    });
    const ids = new Map(cardKeys.map((key) => [key, demoCardId(key)]));
    await tx.card.createMany({
      data: cardKeys.map((key) => {
        const s = cards.get(key);
        return s
          ? { id: ids.get(key)!, userId: user.id, catalogCardId: key, addedAt: start, version: s.version, ...cardFields(s), leech: leeches.has(key) }
          : { id: ids.get(key)!, userId: user.id, catalogCardId: key, addedAt: now, due: now };
      }),
    });
    await tx.reviewLog.createMany({
      data: logs.map(({ cardKey, ...l }) => ({ ...l, userId: user.id, cardId: ids.get(cardKey)!, clientId: randomUUID() })),
    });
  });
  return `${existing ? "laid out again for today" : "created"} (${cardKeys.length} cards, ${logs.length} past reviews over ${DEMO_DAYS} days, in ${Math.round(performance.now() - t0)} ms)`;
}
