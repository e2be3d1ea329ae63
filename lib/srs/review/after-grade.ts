import { Rating, State } from "ts-fsrs";
import { isQueued } from "../due";
import { isLearning } from "../queue";
import type { CardFields } from "../card-rows";

// The review queue after a grade, without reading it again: grading reads the queue with the
// graded card left out (queue.ts queueForGradeOf, in the same statement as the card), and this
// adds the card's new state and the new log to that read. Pure; the result is what the queue's
// statement would answer after the write (tests/integration/queue-after-grade.test.ts compares
// the two over random grades), so the statement's rules appear here once more, for one card.

// A card of the queue's statement: the head of one queue (`kind` 1-7, queue.ts), or the card
// being graded (kind 0).
export type QueueCard = CardFields & {
  kind: number;
  id: string;
  catalogCardId: string;
  version: number;
  leech: boolean;
  suspendedAt: Date | null;
  buriedUntil: Date | null;
  retiredAt: Date | null;
  safety: boolean;
  quickRelief: boolean;
};

export type QueueTotals = {
  learning: number;
  reviewDue: number;
  fresh: number;
  introduced: number;
  reviewed: number;
  done: number;
  again: number;
  timeMs: number;
  nextDue: Date | null;
  lastLogId: string | null;
  // The last live log's review time; read for grades only.
  lastLogAt: Date | null;
  badDay: boolean;
};

export type QueueRead = { totals: QueueTotals; heads: QueueCard[] };
export type QueueBounds = { now: Date; end: Date; ahead: Date; today: number };

// The log a grade wrote, as the queue's tally counts it.
export type GradedLog = { id: string; review: Date; rating: number; state: number; durationMs: number };

const isReview = (c: CardFields) => c.state === State.Review;

// Whether a queued card heads queue `kind` when it is its queue's first (queue.ts's filters).
// Kind 3, the new cards, is absent: a grade never leaves a card new.
const QUEUES: Record<number, (c: QueueCard, b: QueueBounds) => boolean> = {
  1: (c, b) => isLearning(c) && c.due <= b.now,
  2: (c, b) => isReview(c) && c.due < b.end,
  4: (c, b) => isLearning(c) && c.due <= b.ahead,
  5: (c, b) => c.safety && QUEUES[1]!(c, b),
  6: (c, b) => c.safety && QUEUES[2]!(c, b),
  7: (c, b) => c.quickRelief && QUEUES[2]!(c, b),
};

// The statement's order within a queue: due date, then id.
const before = (a: QueueCard, b: QueueCard) => a.due < b.due || (a.due.getTime() === b.due.getTime() && a.id < b.id);

const count = (yes: boolean) => (yes ? 1 : 0);

// `read`: the queue without the graded card; `card`: the graded card as written (its new
// fields, version, leech flag and suspension); `log`: the review log written with it.
export function queueAfterGrade(read: QueueRead, card: QueueCard, log: GradedLog, b: QueueBounds): QueueRead {
  const t = read.totals;
  // A retired card is refused before its grade; a suspended or buried one is out of every queue.
  const queued = card.retiredAt == null && isQueued(card, b.now);
  const heads = read.heads.filter((h) => !(queued && QUEUES[h.kind]?.(card, b) && before(card, h)));
  if (queued) {
    for (const kind of Object.keys(QUEUES).map(Number)) {
      if (QUEUES[kind]!(card, b) && !heads.some((h) => h.kind === kind)) heads.push({ ...card, kind });
    }
  }
  heads.sort((x, y) => x.kind - y.kind);
  const studied = queued && card.state !== State.New;
  const latest = t.lastLogAt == null || log.review > t.lastLogAt || (log.review.getTime() === t.lastLogAt.getTime() && log.id > (t.lastLogId ?? ""));
  return {
    heads,
    totals: {
      ...t,
      learning: t.learning + count(queued && isLearning(card) && card.due < b.end),
      reviewDue: t.reviewDue + count(queued && isReview(card) && card.due < b.end),
      // Unchanged: the read counted the new cards without this one, which is no longer new.
      fresh: t.fresh,
      nextDue: studied && (t.nextDue == null || card.due < t.nextDue) ? card.due : t.nextDue,
      lastLogId: latest ? log.id : t.lastLogId,
      lastLogAt: latest ? log.review : t.lastLogAt,
      // The tally of today's live logs: a grade's log is today's (its study day is the read's).
      done: t.done + 1,
      again: t.again + count(log.rating === Rating.Again),
      timeMs: t.timeMs + log.durationMs,
      introduced: t.introduced + count(log.state === State.New),
      reviewed: t.reviewed + count(log.state === State.Review),
    },
  };
}
