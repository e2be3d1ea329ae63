import "server-only";
import { sql } from "kysely";
import { kdb } from "../db";
import { bool } from "../db/row";
import { liveCards } from "../srs/card-queries";

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
// scores per lesson, never one query per lesson or a loop over the user's rows. `inDeck`: the
// live cards by lesson when the caller has already counted them (/progress's deck statement).
export async function getLessonProgress(userId: string, inDeckByLesson?: ReadonlyMap<string, number>): Promise<Record<string, LessonProgress>> {
  const attempts = () => kdb.selectFrom("QuizAttempt").where("userId", "=", userId);
  const [totals, inDeck, bestByTotal, latestRows] = await Promise.all([
    kdb
      .selectFrom("CatalogCard")
      .select((e) => ["lessonSlug", e.fn.countAll<number>().as("n")])
      .where("retiredAt", "is", null)
      .groupBy("lessonSlug")
      .execute(),
    // (userId, catalogCardId) is unique: the user's live cards counted by lesson.
    inDeckByLesson
      ? [...inDeckByLesson].map(([lessonSlug, n]) => ({ lessonSlug, n }))
      : liveCards(kdb, userId)
          .select((e) => ["k.lessonSlug", e.fn.countAll<number>().as("n")])
          .groupBy("k.lessonSlug")
          .execute(),
    // Grouped by total too, so a quiz that changed length still yields a fair best ratio.
    attempts()
      .select((e) => ["lessonSlug", "total", e.fn.max("score").as("best"), e.fn.countAll<number>().as("n")])
      .groupBy(["lessonSlug", "total"])
      .execute(),
    // Each lesson's latest attempt (or attempts, made in the same millisecond).
    attempts()
      .select(["lessonSlug", "score", "total", "createdAt"])
      .where(({ eb, selectFrom }) =>
        eb(
          "createdAt",
          "=",
          selectFrom("QuizAttempt as q")
            .select((e) => e.fn.max("q.createdAt").as("at"))
            .whereRef("q.userId", "=", "QuizAttempt.userId")
            .whereRef("q.lessonSlug", "=", "QuizAttempt.lessonSlug"),
        ),
      )
      .execute(),
  ]);

  const out: Record<string, LessonProgress> = {};
  const entry = (slug: string) => (out[slug] ??= { cardsInDeck: 0, cardsTotal: 0, attempts: 0, best: null, latest: null, done: false });
  for (const g of totals) entry(g.lessonSlug).cardsTotal = Number(g.n);
  for (const g of inDeck) entry(g.lessonSlug).cardsInDeck = Number(g.n);
  for (const g of bestByTotal) {
    const p = entry(g.lessonSlug);
    const s = { score: g.best ?? 0, total: g.total };
    p.attempts += Number(g.n);
    p.done = true;
    if (!p.best || ratio(s) > ratio(p.best)) p.best = s;
  }
  for (const r of latestRows) {
    const p = entry(r.lessonSlug);
    if (!p.latest || r.createdAt.toISOString() > p.latest.at) p.latest = { score: r.score, total: r.total, at: r.createdAt.toISOString() };
  }
  return out;
}

// Of `slugs`, the lessons the learner holds: a quiz attempt stored, or a live card in the deck
// (what getLessonProgress reports as `done` or `cardsInDeck`). One statement of two index
// probes per lesson, each stopping at its first row, where getLessonProgress reads every card:
// the next lesson to suggest needs no more (lib/progress/summary.ts getNextLesson).
// The slugs are the course's own (lib/content), written into the statement as literals: bound
// as values, PostgreSQL's generic plan for the prepared statement (chosen after five runs)
// guessed a seventh of the catalogue per lesson and merge-joined the learner's whole deck for
// each, 40 ms for the bench's heavy account against 1 ms; as literals each lesson's row count
// is known from the column statistics, and the plan stays two index probes per lesson.
export async function heldLessons(userId: string, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const row = await kdb
    .selectNoFrom(({ exists, or, selectFrom }) =>
      slugs.map((slug, i) =>
        or([
          exists(selectFrom("QuizAttempt as q").select("q.id").where("q.userId", "=", userId).where("q.lessonSlug", "=", sql.lit(slug))),
          // Driven from the lesson's catalogue rows, each looked up in the learner's deck.
          exists(
            selectFrom("CatalogCard as k")
              .select("k.id")
              .where("k.lessonSlug", "=", sql.lit(slug))
              .where("k.retiredAt", "is", null)
              .where(({ exists: has, selectFrom: from }) =>
                has(from("Card as c").select("c.id").where("c.userId", "=", userId).whereRef("c.catalogCardId", "=", "k.id")),
              ),
          ),
        ]).as(`h${i}`),
      ),
    )
    .executeTakeFirstOrThrow();
  const held = row as Record<string, unknown>;
  return new Set(slugs.filter((_, i) => bool(held[`h${i}`])));
}
