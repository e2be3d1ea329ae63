import "server-only";
import { db } from "../db";

export type Score = { score: number; total: number };

export type LessonProgress = {
  cardsInDeck: number;
  cardsTotal: number;
  attempts: number;
  best: Score | null;
  latest: (Score & { at: string }) | null;
  // "Done" means the user has at least one stored quiz attempt for the lesson, whatever the
  // score: reading alone leaves no trace, and finishing the quiz is the lesson's last step.
  done: boolean;
};

const ratio = (s: Score) => (s.total ? s.score / s.total : 0);

// Per-lesson badges for one user, from grouped queries: card counts per lesson and quiz
// scores per lesson, never one query per lesson or a loop over the user's rows.
export async function getLessonProgress(userId: string): Promise<Record<string, LessonProgress>> {
  const [totals, inDeck, bestByTotal, lastAt] = await Promise.all([
    db.catalogCard.groupBy({ by: ["lessonSlug"], where: { retiredAt: null }, _count: { _all: true } }),
    // (userId, catalogCardId) is unique, so catalogue cards with a copy for the user count the user's cards.
    db.catalogCard.groupBy({ by: ["lessonSlug"], where: { retiredAt: null, userCards: { some: { userId } } }, _count: { _all: true } }),
    // Grouped by total too, so a quiz that changed length still yields a fair best ratio.
    db.quizAttempt.groupBy({ by: ["lessonSlug", "total"], where: { userId }, _max: { score: true }, _count: { _all: true } }),
    db.quizAttempt.groupBy({ by: ["lessonSlug"], where: { userId }, _max: { createdAt: true } }),
  ]);
  const latestRows = lastAt.length
    ? await db.quizAttempt.findMany({
        where: { userId, OR: lastAt.map((g) => ({ lessonSlug: g.lessonSlug, createdAt: g._max.createdAt ?? undefined })) },
        select: { lessonSlug: true, score: true, total: true, createdAt: true },
      })
    : [];

  const out: Record<string, LessonProgress> = {};
  const entry = (slug: string) => (out[slug] ??= { cardsInDeck: 0, cardsTotal: 0, attempts: 0, best: null, latest: null, done: false });
  for (const g of totals) entry(g.lessonSlug).cardsTotal = g._count._all;
  for (const g of inDeck) entry(g.lessonSlug).cardsInDeck = g._count._all;
  for (const g of bestByTotal) {
    const p = entry(g.lessonSlug);
    const s = { score: g._max.score ?? 0, total: g.total };
    p.attempts += g._count._all;
    p.done = true;
    if (!p.best || ratio(s) > ratio(p.best)) p.best = s;
  }
  for (const r of latestRows) {
    const p = entry(r.lessonSlug);
    if (!p.latest || r.createdAt.toISOString() > p.latest.at) p.latest = { score: r.score, total: r.total, at: r.createdAt.toISOString() };
  }
  return out;
}
