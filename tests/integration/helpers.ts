import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createAccount } from "@/lib/accounts/accounts";

export async function makeUser(overrides: { timeZone?: string } = {}) {
  const email = `u-${randomUUID().slice(0, 8)}@example.test`;
  const user = await createAccount({ email, password: "a-long-unusual-passphrase", timeZone: overrides.timeZone ?? "UTC" });
  return { ...user, password: "a-long-unusual-passphrase" };
}

export async function firstCard(userId: string) {
  return db.card.findFirstOrThrow({ where: { userId }, orderBy: { catalogCard: { position: "asc" } } });
}

export const grade = (cardId: string, version: number, rating: number, extra: Record<string, unknown> = {}) => ({
  cardId,
  version,
  rating,
  clientId: randomUUID(),
  durationMs: 4000,
  ...extra,
});
