import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { UserError } from "../errors";
import { isUniqueViolation } from "../db/errors";
import { insertRows } from "../db/bulk";
import { cardFields } from "../srs/card-rows";
import { describeImportError, exportDocumentSchema, type ExportDocument } from "./import-schema";

export type ImportSummary = { cards: number; reviewLogs: number; quizAttempts: number; parameterSets: number; skippedCards: number };

type Tx = Prisma.TransactionClient;
type ImportedCard = ExportDocument["cards"][number];

export const NOT_EMPTY =
  "Import works only into an account with no reviews yet, and this account already has reviews or quiz results. Nothing was imported. Create a new account to import into.";

// A 32 MB export holds about 50,000 reviews, written by multi-row INSERTs in a few seconds.
const TRANSACTION_TIMEOUT_MS = 120_000;
// On SQLite every query resolves at once (better-sqlite3 is synchronous), so without a pause
// a long import would keep the event loop busy and the server would answer no one meanwhile.
const letOthersRun = () => new Promise((resolve) => setImmediate(resolve));

// Moves a learner's history here from an "unknot-export" document. Only into an account with
// no reviews and no quiz attempts, so that nothing is merged and a repeated submit is refused.
// Everything is written in one transaction: a bad document or a failure changes nothing.
export async function importAccountJson(userId: string, raw: unknown): Promise<ImportSummary> {
  const parsed = exportDocumentSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${describeImportError(parsed.error)} Nothing was imported.`, 400);
  const doc = parsed.data;
  try {
    return await db.$transaction((tx) => writeImport(tx, userId, doc), { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 });
  } catch (e) {
    // Two imports racing on PostgreSQL: the second trips over the first's clientIds.
    if (isUniqueViolation(e)) throw new UserError(NOT_EMPTY, 409);
    throw e;
  }
}

async function writeImport(tx: Tx, userId: string, doc: ExportDocument): Promise<ImportSummary> {
  const { fsrsWeights, ...settings } = doc.settings;
  // Written first: on PostgreSQL the row lock makes a concurrent import wait for this one
  // and then see its reviews below.
  const updated = await tx.user.updateMany({ where: { id: userId }, data: { ...settings, fsrsWeights: fsrsWeights ? JSON.stringify(fsrsWeights) : null } });
  if (updated.count !== 1) throw new UserError("Your account no longer exists.", 401);
  const [log, attempt] = await Promise.all([
    tx.reviewLog.findFirst({ where: { userId }, select: { id: true } }),
    tx.quizAttempt.findFirst({ where: { userId }, select: { id: true } }),
  ]);
  if (log || attempt) throw new UserError(NOT_EMPTY, 409);

  const known = new Set((await tx.catalogCard.findMany({ select: { id: true } })).map((c) => c.id));
  const cards = doc.cards.filter((c) => known.has(c.catalogCardId));
  const cardIds = await writeCards(tx, userId, cards);

  const logs = doc.reviewLogs
    .filter((l) => cardIds.has(l.cardId))
    .map(({ cardId, ...l }) => ({ id: randomUUID(), userId, cardId: cardIds.get(cardId)!, ...l }));
  await insertRows(tx, "ReviewLog", logs, letOthersRun);

  const events = doc.cardEvents
    .filter((e) => cardIds.has(e.cardId))
    .map(({ cardId, before, ...e }) => ({ id: randomUUID(), userId, cardId: cardIds.get(cardId)!, before: JSON.stringify(before), ...e }));
  await insertRows(tx, "CardEvent", events, letOthersRun);

  await insertRows(tx, "QuizAttempt", doc.quizAttempts.map((q) => ({ id: randomUUID(), userId, ...q, answers: JSON.stringify(q.answers) })), letOthersRun);
  // "null" is how a saved set records the ts-fsrs defaults (lib/optimizer/jobs.ts).
  await tx.parameterSet.createMany({ data: doc.parameterSets.map((p) => ({ ...p, userId, weights: JSON.stringify(p.weights) })) });

  return { cards: cards.length, reviewLogs: logs.length, quizAttempts: doc.quizAttempts.length, parameterSets: doc.parameterSets.length, skippedCards: doc.cards.length - cards.length };
}

// A card the user already holds (from the starter deck or "Remember this lesson") takes the
// imported state; it can only be an unreviewed one, since the account has no reviews. The
// version is kept as exported, because the imported logs' prevVersion/nextVersion refer to
// it: undoing the last imported review checks the card against that log's nextVersion.
// Returns the export's card ids mapped to this user's.
async function writeCards(tx: Tx, userId: string, cards: ImportedCard[]): Promise<Map<string, string>> {
  const held = new Map((await tx.card.findMany({ where: { userId }, select: { id: true, catalogCardId: true } })).map((c) => [c.catalogCardId, c.id]));
  // The card's FSRS fields through the one mapping (lib/srs/card-rows.ts), plus its bookkeeping.
  const fields = (c: ImportedCard) => ({ addedAt: c.addedAt, version: c.version, ...cardFields(c), suspendedAt: c.suspendedAt, buriedUntil: c.buriedUntil, leech: c.leech });
  for (const c of cards) {
    const heldId = held.get(c.catalogCardId);
    if (heldId) await tx.card.update({ where: { id: heldId }, data: fields(c) });
  }
  const fresh = cards.filter((c) => !held.has(c.catalogCardId)).map((c) => ({ ...fields(c), id: randomUUID(), userId, catalogCardId: c.catalogCardId }));
  await insertRows(tx, "Card", fresh, letOthersRun);
  const mine = new Map([...held, ...fresh.map((c) => [c.catalogCardId, c.id] as const)]);
  return new Map(cards.map((c) => [c.id, mine.get(c.catalogCardId)!]));
}
