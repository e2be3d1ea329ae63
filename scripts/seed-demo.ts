import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "../lib/accounts/password";
import { DEMO_ACCOUNT } from "../lib/demo";
import type { Lesson } from "../lib/content/schema";
import { simulateHistory } from "../lib/srs/simulate";
import { cardFields } from "../lib/srs/card-rows";
import { randomUUID } from "node:crypto";

// The demo account gets two lessons' cards and ten days of simulated reviews, so that the
// review session and the progress page have something to show at once.
export async function seedDemoAccount(db: PrismaClient, lessons: Lesson[], now = new Date()): Promise<string> {
  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNT.email } })) return "already present";
  const ctx = { timeZone: "UTC", rolloverHour: 4 };
  const settings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true, weights: null };
  const cardKeys = lessons.slice(0, 2).flatMap((l) => l.cards.map((c) => c.id));
  const days = 10;
  const start = new Date(now.getTime() - days * 86_400_000);
  start.setUTCHours(0, 0, 0, 0);
  const sim = simulateHistory({ cardKeys, start, days, newPerDay: 4, settings, ctx, seed: 7 });
  const passwordHash = await hashPassword(DEMO_ACCOUNT.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO_ACCOUNT.email, name: DEMO_ACCOUNT.name, passwordHash, timeZone: ctx.timeZone, createdAt: start } });
    const ids = new Map<string, string>();
    for (const key of cardKeys) {
      const s = sim.cards.get(key);
      const card = await tx.card.create({
        data: s
          ? { userId: user.id, catalogCardId: key, addedAt: start, version: s.version, ...cardFields(s) }
          : { userId: user.id, catalogCardId: key, addedAt: now, due: now },
      });
      ids.set(key, card.id);
    }
    await tx.reviewLog.createMany({
      data: sim.logs.map(({ cardKey, ...l }) => ({ ...l, userId: user.id, cardId: ids.get(cardKey)!, clientId: randomUUID() })),
    });
  });
  return `created (${cardKeys.length} cards, ${sim.logs.length} past reviews)`;
}
