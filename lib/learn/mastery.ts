import "server-only";
import { sql } from "kysely";
import { db, kdb } from "../db";
import { prepared } from "../db/prepared";
import { getLessons } from "../content/load";
import { UserError } from "../errors";
import { createScheduler } from "../srs/scheduler";
import { schedulerSettingsOf } from "../srs/settings";
import { settingsOf } from "../settings";
import { liveCardsByCatalogue, studied } from "../srs/card-queries";
import { forgettingCurve, recallAt, retrievabilityOf, type RecallAt } from "../srs/recall-sql";
import { getLessonProgress, type LessonProgress } from "./progress";
import { masteryOf, MASTERED_STABILITY_DAYS, NO_CARDS, type DeckTally, type Mastery } from "./mastery-level";

export type LessonMastery = Mastery & { slug: string; title: string };

const one = sql.lit(1);
const zero = sql.lit(0);

// The learner's live cards counted by lesson (mastery-level.ts DeckTally), in one grouped
// statement compiled once: recall is summed by the database with the learner's own forgetting
// curve (lib/srs/recall-sql.ts), so the cost does not grow with rows sent to the server.
const tallyQuery = prepared((db, p: { userId: string } & RecallAt) =>
  liveCardsByCatalogue(db, p.userId)
    .select((e) => {
      const reviewed = e.and([studied(), e("c.lastReview", "is not", null)]);
      const count = (when: typeof reviewed) => e.fn.sum<number>(e.case().when(when).then(one).else(zero).end());
      return [
        "k.lessonSlug",
        e.fn.countAll<number>().as("inDeck"),
        count(reviewed).as("studied"),
        e.fn
          .sum<number>(
            e
              .case()
              .when(reviewed)
              .then(e.fn.coalesce(retrievabilityOf(db, p), zero))
              .else(zero)
              .end(),
          )
          .as("recall"),
        count(e.and([reviewed, e("c.stability", ">=", sql.lit(MASTERED_STABILITY_DAYS))])).as("lasting"),
      ];
    })
    .groupBy("k.lessonSlug"),
);

async function deckTallies(userId: string, w: readonly number[], now: Date): Promise<Map<string, DeckTally>> {
  const { rows } = await tallyQuery(kdb, { userId, ...recallAt(forgettingCurve(w), now) });
  return new Map(
    rows.map((r) => {
      const studiedCount = Number(r.studied);
      const tally = {
        inDeck: Number(r.inDeck),
        studied: studiedCount,
        meanRecall: studiedCount ? Number(r.recall) / studiedCount : 0,
        lasting: Number(r.lasting),
      };
      return [r.lessonSlug, tally];
    }),
  );
}

// Every lesson's mastery level for one user, in course order: the quiz scores and card counts
// of getLessonProgress, the lessons read, and the memory of the user's live cards by lesson,
// with recall by the user's own parameters. `progress` and `tallies`, when the caller already has
// them (the dashboard's deck statement counts the tallies at `now`), spare their second reading.
export async function getLessonMastery(
  user: Parameters<typeof settingsOf>[0],
  now = new Date(),
  { progress, tallies }: { progress?: Record<string, LessonProgress>; tallies?: Record<string, DeckTally> } = {},
): Promise<LessonMastery[]> {
  const u = await settingsOf(user);
  const given = tallies && new Map(Object.entries(tallies));
  const [p, reads, t] = await Promise.all([
    progress ?? getLessonProgress(u.id, given && new Map([...given].map(([slug, tally]) => [slug, tally.inDeck]))),
    kdb.selectFrom("LessonRead").select("lessonSlug").where("userId", "=", u.id).execute(),
    given ?? deckTallies(u.id, createScheduler(schedulerSettingsOf(u)).fsrs.parameters.w, now),
  ]);
  const read = new Set(reads.map((r) => r.lessonSlug));
  return getLessons().map((l) => ({
    slug: l.slug,
    title: l.title,
    ...masteryOf({
      read: read.has(l.slug),
      quizBest: p[l.slug]?.best ?? null,
      cardsTotal: p[l.slug]?.cardsTotal ?? 0,
      cards: t.get(l.slug) ?? NO_CARDS,
      desiredRetention: u.desiredRetention,
    }),
  }));
}

// Marks a lesson read by the user (once: the first time counts).
export async function markLessonRead(userId: string, lessonSlug: string): Promise<{ read: true }> {
  if (!getLessons().some((l) => l.slug === lessonSlug)) throw new UserError("There is no such lesson.", 404);
  await db.lessonRead.upsert({ where: { userId_lessonSlug: { userId, lessonSlug } }, create: { userId, lessonSlug }, update: {} });
  return { read: true };
}
