import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { UserError } from "../errors";
import { isUniqueViolation } from "../db/errors";
import { insertRows } from "../db/bulk";
import { databaseUrl, isPostgresUrl } from "../db/url";
import { cardFields } from "../srs/card-rows";
import { settingsColumns } from "../settings";
import type { ExportDocument } from "./import-schema";

export type ImportSummary = { cards: number; reviewLogs: number; quizAttempts: number; parameterSets: number; skippedCards: number };

type Tx = Prisma.TransactionClient;
type ImportedCard = ExportDocument["cards"][number];

export const NOT_EMPTY =
  "Import works only into an account with no reviews yet, and this account already has reviews or quiz results. Nothing was imported. Create a new account to import into.";

// A 32 MB export holds about 50,000 reviews. On PostgreSQL it is written in one transaction,
// which holds only the importing user's rows.
const TRANSACTION_TIMEOUT_MS = 120_000;
// On SQLite, which has one writer per file, it is written in short transactions of at most this
// many rows each (a few milliseconds of the write lock), so that other users' grades queue
// behind one chunk, not behind the whole import.
export const IMPORT_CHUNK_ROWS = 250;
// A chunk takes milliseconds; the claim (every card) and an undo (every row) take longer, and
// Prisma's default 5 s is too short for them on a busy machine.
const STEP_TIMEOUT_MS = 30_000;
// On SQLite every query resolves at once (better-sqlite3 is synchronous), so without a pause
// a long import would keep the event loop busy and the server would answer no one meanwhile.
const letOthersRun = () => new Promise((resolve) => setImmediate(resolve));

// Runs one step of the import's writes: on PostgreSQL inside the import's one transaction, on
// SQLite as a transaction of its own.
type Step = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

// Moves a learner's history here from an "unknot-export" document. Only into an account with
// no reviews and no quiz attempts, so that nothing is merged and a repeated submit is refused.
// A bad document, or a failure halfway, leaves the account as it was: on PostgreSQL the import
// is one transaction; on SQLite its first chunk claims the account (checks that it is empty
// and writes settings, cards and the first reviews together), the rest follows in chunks, and
// a failure afterwards removes what the import wrote and restores the cards and settings it
// changed (see writeImport). `doc` is parsed by the route (exportDocumentSchema).
export async function importAccountJson(userId: string, doc: ExportDocument): Promise<ImportSummary> {
  try {
    if (isPostgresUrl(databaseUrl())) {
      return await db.$transaction((tx) => writeImport((fn) => fn(tx), userId, doc, false), { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 });
    }
    return await writeImport((fn) => db.$transaction(fn, { timeout: STEP_TIMEOUT_MS }), userId, doc, true);
  } catch (e) {
    // Two imports racing on PostgreSQL: the second trips over the first's clientIds.
    if (isUniqueViolation(e)) throw new UserError(NOT_EMPTY, 409);
    throw e;
  }
}

type Rows = Record<string, string | number | boolean | Date | null>[];
const chunksOf = (rows: Rows, size = IMPORT_CHUNK_ROWS) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

// `undoOnFailure`: the steps are transactions of their own, so a failure after the first one
// is undone by hand (on PostgreSQL the one transaction rolls back instead).
async function writeImport(step: Step, userId: string, doc: ExportDocument, undoOnFailure: boolean): Promise<ImportSummary> {
  const { fsrsWeights, ...settings } = doc.settings;
  const known = new Set((await db.catalogCard.findMany({ select: { id: true } })).map((c) => c.id));
  const cards = doc.cards.filter((c) => known.has(c.catalogCardId));
  // Ids are made here, so that a failure can remove exactly what this import wrote.
  const fresh: { id: string; catalogCardId: string }[] = [];
  const cardIds = new Map<string, string>();
  const logs: Rows = [];
  const events: Rows = [];
  const quizzes: Rows = doc.quizAttempts.map((q) => ({ id: randomUUID(), userId, ...q, answers: JSON.stringify(q.answers) }));
  // "null" is how a saved set records the ts-fsrs defaults (lib/optimizer/jobs.ts).
  const parameterSets = doc.parameterSets.map((p) => ({ id: randomUUID(), ...p, userId, weights: JSON.stringify(p.weights) }));
  // Check-ins and lessons read that the account already has (today's check-in, say) are kept.
  const checkIns: Rows = [];
  const lessonReads: Rows = [];
  // The rows after the claim, in order; the claim takes the first chunk of reviews (or of quiz
  // attempts), so that from then on the account is not empty and a second import is refused.
  const rest: [string, Rows][] = [];

  const claimed = await step(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { ...Object.fromEntries(Object.keys(settingsColumns(settings)).map((k) => [k, true])), fsrsWeights: true },
    });
    // Written first: on PostgreSQL the row lock makes a concurrent import wait for this one
    // and then see its reviews below.
    const updated = await tx.user.updateMany({
      where: { id: userId },
      data: { ...settingsColumns(settings), fsrsWeights: fsrsWeights ? JSON.stringify(fsrsWeights) : null },
    });
    if (updated.count !== 1 || !before) throw new UserError("Your account no longer exists.", 401);
    const [log, attempt] = await Promise.all([
      tx.reviewLog.findFirst({ where: { userId }, select: { id: true } }),
      tx.quizAttempt.findFirst({ where: { userId }, select: { id: true } }),
    ]);
    if (log || attempt) throw new UserError(NOT_EMPTY, 409);
    const { held, ids } = await writeCards(tx, userId, cards, fresh);
    for (const [k, v] of ids) cardIds.set(k, v);
    for (const { cardId, ...l } of doc.reviewLogs) if (cardIds.has(cardId)) logs.push({ id: randomUUID(), userId, cardId: cardIds.get(cardId)!, ...l });
    for (const { cardId, before: b, ...e } of doc.cardEvents)
      if (cardIds.has(cardId)) events.push({ id: randomUUID(), userId, cardId: cardIds.get(cardId)!, before: JSON.stringify(b), ...e });
    await insertRows(tx, "ParameterSet", parameterSets);
    const [daysHeld, readsHeld] = await Promise.all([
      tx.backCheckIn.findMany({ where: { userId }, select: { studyDay: true } }),
      tx.lessonRead.findMany({ where: { userId }, select: { lessonSlug: true } }),
    ]);
    const dayTaken = new Set(daysHeld.map((c) => c.studyDay));
    const readTaken = new Set(readsHeld.map((r) => r.lessonSlug));
    for (const c of doc.checkIns) if (!dayTaken.has(c.studyDay)) checkIns.push({ id: randomUUID(), userId, ...c });
    for (const r of doc.lessonReads) if (!readTaken.has(r.lessonSlug)) lessonReads.push({ userId, ...r });
    await insertRows(tx, "LessonRead", lessonReads);
    const [logsNow, ...logsLater] = chunksOf(logs);
    const [quizzesNow, ...quizzesLater] = logsNow ? [undefined, ...chunksOf(quizzes)] : chunksOf(quizzes);
    if (logsNow) await insertRows(tx, "ReviewLog", logsNow);
    if (quizzesNow) await insertRows(tx, "QuizAttempt", quizzesNow);
    // With neither reviews nor quiz attempts nothing else marks the account: all in the claim.
    if (!logsNow && !quizzesNow) await insertRows(tx, "CardEvent", events);
    else rest.push(...logsLater.map((c) => ["ReviewLog", c] as [string, Rows]), ...chunksOf(events).map((c) => ["CardEvent", c] as [string, Rows]));
    rest.push(...quizzesLater.filter((c) => c !== undefined).map((c) => ["QuizAttempt", c] as [string, Rows]));
    rest.push(...chunksOf(checkIns).map((c) => ["BackCheckIn", c] as [string, Rows]));
    return { before, held };
  });

  try {
    for (const [table, chunk] of rest) {
      await letOthersRun();
      await step((tx) => insertRows(tx, table, chunk));
    }
  } catch (e) {
    if (!undoOnFailure) throw e;
    await letOthersRun();
    await step(async (tx) => {
      const gone = (ids: string[]) => chunksOf(ids.map((id) => ({ id }))).map((c) => c.map((r) => r.id as string));
      for (const ids of gone(logs.map((l) => l.id as string))) await tx.reviewLog.deleteMany({ where: { userId, id: { in: ids } } });
      for (const ids of gone(events.map((l) => l.id as string))) await tx.cardEvent.deleteMany({ where: { userId, id: { in: ids } } });
      for (const ids of gone(quizzes.map((l) => l.id as string))) await tx.quizAttempt.deleteMany({ where: { userId, id: { in: ids } } });
      for (const ids of gone(parameterSets.map((l) => l.id))) await tx.parameterSet.deleteMany({ where: { userId, id: { in: ids } } });
      for (const ids of gone(checkIns.map((l) => l.id as string))) await tx.backCheckIn.deleteMany({ where: { userId, id: { in: ids } } });
      await tx.lessonRead.deleteMany({ where: { userId, lessonSlug: { in: lessonReads.map((r) => r.lessonSlug as string) } } });
      for (const ids of gone(fresh.map((c) => c.id))) await tx.card.deleteMany({ where: { userId, id: { in: ids } } });
      for (const { id, ...prior } of claimed.held) await tx.card.updateMany({ where: { userId, id }, data: prior });
      await tx.user.updateMany({ where: { id: userId }, data: claimed.before });
    });
    throw e;
  }

  return {
    cards: cards.length,
    reviewLogs: logs.length,
    quizAttempts: doc.quizAttempts.length,
    parameterSets: doc.parameterSets.length,
    skippedCards: doc.cards.length - cards.length,
  };
}

// A card the user already holds (from the starter deck or "Remember this lesson") takes the
// imported state; it can only be an unreviewed one, since the account has no reviews. The
// version is kept as exported, because the imported logs' prevVersion/nextVersion refer to
// it: undoing the last imported review checks the card against that log's nextVersion.
// Returns the export's card ids mapped to this user's, and the held cards as they were.
async function writeCards(tx: Tx, userId: string, cards: ImportedCard[], fresh: { id: string; catalogCardId: string }[]) {
  const heldRows = await tx.card.findMany({ where: { userId } });
  const held = new Map(heldRows.map((c) => [c.catalogCardId, c.id]));
  // The card's FSRS fields through the one mapping (lib/srs/card-rows.ts), plus its bookkeeping.
  const fields = (c: ImportedCard) => ({
    addedAt: c.addedAt,
    version: c.version,
    ...cardFields(c),
    suspendedAt: c.suspendedAt,
    buriedUntil: c.buriedUntil,
    leech: c.leech,
  });
  const changed = [];
  for (const c of cards) {
    const heldId = held.get(c.catalogCardId);
    if (!heldId) continue;
    await tx.card.update({ where: { id: heldId }, data: fields(c) });
    const { userId: _u, catalogCardId: _c, ...prior } = heldRows.find((r) => r.id === heldId)!;
    changed.push(prior);
  }
  const rows = cards.filter((c) => !held.has(c.catalogCardId)).map((c) => ({ ...fields(c), id: randomUUID(), userId, catalogCardId: c.catalogCardId }));
  fresh.push(...rows);
  await insertRows(tx, "Card", rows);
  const mine = new Map([...held, ...rows.map((c) => [c.catalogCardId, c.id] as const)]);
  return { held: changed, ids: new Map(cards.map((c) => [c.id, mine.get(c.catalogCardId)!])) };
}
