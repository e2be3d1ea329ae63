import "server-only";
import { sql } from "kysely";
import { Rating, State } from "ts-fsrs";
import { db, kdb } from "../db";
import { cardSequence, countItems, FULL_TRAINING_MIN_ITEMS, type LogPoint, type Review } from "./items";

const CARD_BATCH = 200;

// Every card's review sequence, read a batch of cards at a time (index cardId+review), so
// memory holds the compact sequences, never full log rows. Runs in the job runner only.
export async function loadSequences(userId: string): Promise<Review[][]> {
  return (await loadDatedSequences(userId)).sequences;
}

// The sequences and, for each, the study day of its last review (to order items in time).
export async function loadDatedSequences(userId: string): Promise<{ sequences: Review[][]; lastDays: number[] }> {
  const seqs: Review[][] = [];
  const lastDays: number[] = [];
  let cursor: string | undefined;
  for (;;) {
    const cards = await db.card.findMany({
      where: { userId, reviewLogs: { some: { undoneAt: null } }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: CARD_BATCH,
      select: { id: true },
    });
    if (!cards.length) break;
    cursor = cards[cards.length - 1]!.id;
    const logs = await db.reviewLog.findMany({
      where: { userId, undoneAt: null, cardId: { in: cards.map((c) => c.id) } },
      orderBy: [{ cardId: "asc" }, { review: "asc" }, { id: "asc" }],
      select: { cardId: true, rating: true, state: true, reviewDay: true },
    });
    let start = 0;
    for (let i = 1; i <= logs.length; i++) {
      if (i === logs.length || logs[i]!.cardId !== logs[start]!.cardId) {
        const cardLogs = logs.slice(start, i) as LogPoint[];
        const seq = cardSequence(cardLogs);
        if (seq.length > 1) {
          seqs.push(seq);
          lastDays.push(cardLogs.findLast((l) => l.rating >= Rating.Again && l.rating <= Rating.Easy)!.reviewDay);
        }
        start = i;
      }
    }
  }
  return { sequences: seqs, lastDays };
}

export type ItemCount = { items: number; exact: boolean; enough: boolean };

// Whether the user has enough data for a full fit, without reading every log when the answer
// is plain. Bounds: a review made in review state comes at least a day after the card's
// previous review, so it yields an item (lower bound; the runner recounts exactly before
// fitting); a card's first review never does (upper bound = reviews − reviewed cards).
// Only between the bounds are the sequences read. The lower bound is counted up to a cap
// (the page then says "at least"), so a long history is not scanned on every visit.
export const LOWER_BOUND_CAP = 5_000;

export async function countTrainingItems(userId: string): Promise<ItemCount> {
  const logs = { userId, undoneAt: null };
  // A count over a limited subquery (Prisma's capped count sorts every matching row by id
  // before the limit). COUNT is a bigint on PostgreSQL, hence Number().
  const capped = await kdb
    .selectFrom(
      kdb
        .selectFrom("ReviewLog")
        .select(sql.lit(1).as("x"))
        .where("userId", "=", userId)
        .where("undoneAt", "is", null)
        .where("state", "=", sql.lit(State.Review))
        .limit(LOWER_BOUND_CAP)
        .as("capped"),
    )
    .select((e) => e.fn.countAll().as("n"))
    .executeTakeFirst();
  const longTerm = Number(capped?.n ?? 0);
  if (longTerm >= FULL_TRAINING_MIN_ITEMS) return { items: longTerm, exact: false, enough: true };
  const [total, cards] = await Promise.all([
    db.reviewLog.count({ where: logs }),
    db.card.count({ where: { userId, reviewLogs: { some: { undoneAt: null } } } }),
  ]);
  if (total - cards < FULL_TRAINING_MIN_ITEMS) {
    const items = total - cards <= 0 ? 0 : countItems(await loadSequences(userId));
    return { items, exact: true, enough: false };
  }
  const items = countItems(await loadSequences(userId));
  return { items, exact: true, enough: items >= FULL_TRAINING_MIN_ITEMS };
}
