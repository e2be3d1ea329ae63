import { type Grade, Rating, State } from "ts-fsrs";
import type { ReviewState } from "../review/queue";
import { cardStateOf } from "../card-rows";
import { studyDayNumber } from "../day";
import { dueCutoff, isDue } from "../due";
import { isLearning, pickNext } from "../queue";
import { gradeCard, previewIntervals, type CardState } from "../scheduler";
import { cardScheduler, cardSchedulers } from "../safety";
import { fromWire, type LocalGrade, type OfflineSnapshot } from "./snapshot";

// The review queue in the browser, while offline: the snapshot's cards with the waiting grades
// applied in order, through the same scheduler calls (createScheduler, gradeCard,
// previewIntervals) and queue rule (pickNext, isDue) as the server, with the learner's own
// parameters. Its result has the server's ReviewState shape, so the page shows it unchanged.
// With even days on, a grade the server will balance on arrival shows its fuzz range, as the
// online buttons do (previewIntervals), never a day the server may then move.
// Pure and without Node-only imports: it is bundled into the browser's offline chunk.
// Undo is dropping the last waiting grade: the state is always recomputed from the snapshot.

type Live = { card: CardState; version: number; snap: OfflineSnapshot["cards"][number] };

export function localCards(snap: OfflineSnapshot, pending: LocalGrade[]): Map<string, Live> {
  const f = cardSchedulers(snap.settings);
  const cards = new Map<string, Live>(snap.cards.map((c) => [c.cardId, { card: cardStateOf(c.cardId, fromWire(c.fields)), version: c.version, snap: c }]));
  for (const g of pending) {
    const c = cards.get(g.cardId);
    if (!c) continue;
    c.card = gradeCard(cardScheduler(f, c.snap.safety ?? false), c.card, g.rating as Grade, new Date(g.reviewedAt)).card;
    c.version += 1;
  }
  return cards;
}

export function localReviewState(snap: OfflineSnapshot, pending: LocalGrade[], now: Date): ReviewState {
  const f = cardSchedulers(snap.settings);
  const cards = [...localCards(snap, pending).values()];
  const end = dueCutoff(now, snap.day);
  const todayNo = studyDayNumber(now, snap.day);
  const today = snap.studyDay === todayNo ? { ...snap.today } : { done: 0, again: 0, timeMs: 0 };
  for (const g of pending) {
    if (studyDayNumber(new Date(g.reviewedAt), snap.day) !== todayNo) continue;
    today.done += 1;
    today.again += g.rating === Rating.Again ? 1 : 0;
    today.timeMs += g.durationMs;
  }
  const due = cards.filter((c) => isDue(c.card, end));
  // The snapshot holds only as many new cards as the day's limit still allowed.
  const fresh = cards.filter((c) => c.card.state === State.New);
  const pick = (l: Live[]) => l.map((c) => ({ ...c, state: c.card.state, due: c.card.due, safety: c.snap.safety ?? false }));
  const next = pickNext(pick(due), pick(fresh), now);
  const studied = cards.filter((c) => c.card.state !== State.New).map((c) => c.card.due.getTime());
  return {
    card: next
      ? {
          ...next.snap.view,
          cardId: next.card.id,
          version: next.version,
          state: next.card.state,
          leech: next.snap.leech ?? false,
          lapses: next.card.lapses,
          intervals: previewIntervals(cardScheduler(f, next.safety), next.card, now, null, snap.evenDays ?? false).map((p) => ({
            rating: p.rating,
            label: p.label,
            due: p.due.toISOString(),
          })),
        }
      : null,
    counts: {
      new: fresh.length,
      learning: due.filter((c) => isLearning(c.card)).length,
      review: due.filter((c) => c.card.state === State.Review).length,
    },
    today,
    nextDueAt: next || !studied.length ? null : new Date(Math.min(...studied)).toISOString(),
    lastLogId: null,
  };
}
