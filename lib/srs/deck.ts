import "server-only";
import { State } from "ts-fsrs";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { UserError } from "../errors";

type Tx = Prisma.TransactionClient;

async function addCatalogCards(tx: Tx, userId: string, ids: string[], now: Date): Promise<number> {
  const have = new Set(
    (await tx.card.findMany({ where: { userId, catalogCardId: { in: ids } }, select: { catalogCardId: true } })).map((c) => c.catalogCardId),
  );
  const missing = ids.filter((id) => !have.has(id));
  if (missing.length) await tx.card.createMany({ data: missing.map((catalogCardId) => ({ userId, catalogCardId, due: now, addedAt: now })) });
  return missing.length;
}

async function lessonCardIds(tx: Tx, lessonSlug: string): Promise<string[]> {
  const rows = await tx.catalogCard.findMany({ where: { lessonSlug, retiredAt: null }, orderBy: { position: "asc" }, select: { id: true } });
  return rows.map((r) => r.id);
}

// A new account's deck is empty: cards join it only when the learner chooses a lesson with
// "Remember this lesson" (or misses a quiz question, below).
export async function addLessonToDeck(userId: string, lessonSlug: string, now = new Date()): Promise<{ added: number; total: number }> {
  return db.$transaction(async (tx) => {
    const ids = await lessonCardIds(tx, lessonSlug);
    if (!ids.length) throw new UserError("No such lesson.", 404);
    return { added: await addCatalogCards(tx, userId, ids, now), total: ids.length };
  });
}

// A quiz question answered wrong: its card joins the deck if it was not there, or if it is
// still new moves, ahead of every other new card (the new-card queue is ordered by due);
// a card already being reviewed becomes due now, so it is reviewed today.
export async function bringCardForward(tx: Tx, userId: string, catalogCardId: string, now: Date): Promise<"added" | "due-now" | "already-due"> {
  const card = await tx.card.findUnique({ where: { userId_catalogCardId: { userId, catalogCardId } } });
  if (card && card.state !== State.New) {
    if (card.due.getTime() <= now.getTime()) return "already-due";
    await tx.card.update({ where: { id: card.id }, data: { due: now, version: { increment: 1 } } });
    return "due-now";
  }
  const head = await tx.card.findFirst({
    where: { userId, state: State.New, catalogCard: { retiredAt: null }, ...(card ? { id: { not: card.id } } : {}) },
    orderBy: { due: "asc" },
    select: { due: true },
  });
  const front = new Date(Math.min(now.getTime(), head?.due.getTime() ?? Infinity) - 1000);
  if (!card) {
    await tx.card.create({ data: { userId, catalogCardId, due: front, addedAt: now } });
    return "added";
  }
  if (card.due.getTime() <= front.getTime()) return "already-due";
  await tx.card.update({ where: { id: card.id }, data: { due: front, version: { increment: 1 } } });
  return "due-now";
}
