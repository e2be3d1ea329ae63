import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "../../lib/auth/password";

export const LOAD_PASSWORD = "load-test-passphrase-0001";

// Users for load and crash tests, written straight to the database (no HTTP sign-up), each
// with `cards` new cards from the catalogue.
export async function createLoadUsers(db: PrismaClient, prefix: string, count: number, cards: number): Promise<string[]> {
  const catalogue = (await db.catalogCard.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" }, take: cards, select: { id: true } })).map(
    (c) => c.id,
  );
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  const emails: string[] = [];
  const now = new Date();
  for (let i = 0; i < count; i++) {
    const email = `${prefix}-${i}@load.test`;
    const user = await db.user.upsert({ where: { email }, update: {}, create: { email, passwordHash, newCardsPerDay: 200 } });
    await db.card.deleteMany({ where: { userId: user.id } });
    await db.card.createMany({ data: catalogue.map((catalogCardId) => ({ userId: user.id, catalogCardId, due: now, addedAt: now })) });
    emails.push(email);
  }
  return emails;
}
