import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createAccount } from "@/lib/auth/accounts";
import { addLessonToDeck } from "@/lib/srs/deck";
import { getLessons } from "@/lib/content/load";
import { parseBody, parseInput } from "@/lib/errors";
import type { GradeInput } from "@/lib/validation/review";
import { signUpSchema } from "@/lib/auth/schema";

// A user who has chosen to remember the first lesson (a new account's deck is empty), unless
// `empty` is set.
export async function makeUser(overrides: { timeZone?: string; empty?: boolean } = {}) {
  const email = `u-${randomUUID().slice(0, 8)}@example.test`;
  const user = await createAccount(parseInput(signUpSchema, { email, password: "a-long-unusual-passphrase", timeZone: overrides.timeZone ?? "UTC" }));
  if (!overrides.empty) await addLessonToDeck(user.id, getLessons()[0]!.slug);
  return { ...user, password: "a-long-unusual-passphrase" };
}

export async function firstCard(userId: string) {
  return db.card.findFirstOrThrow({ where: { userId }, orderBy: { catalogCard: { position: "asc" } } });
}

// What the wrappers do before a lib function is called (lib/api.ts's userRoute and
// lib/action.ts's userAction): bad input is refused there, so it never reaches lib/.
export const viaRoute = parseBody;
export const viaAction = parseInput;

// The study session the tests grade in, as one /review page load would.
export const SESSION = "5e55e55e-0000-4000-8000-000000000001";

export const grade = (cardId: string, version: number, rating: GradeInput["rating"], extra: Partial<GradeInput> = {}): GradeInput => ({
  cardId,
  version,
  rating,
  clientId: randomUUID(),
  durationMs: 4000,
  sessionId: SESSION,
  ...extra,
});
