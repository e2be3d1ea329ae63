import "server-only";
import { db } from "../db";
import { getLessons } from "../content/load";
import { UserError } from "../errors";
import { createScheduler, retrievability } from "../srs/scheduler";
import { schedulerSettingsOf } from "../srs/settings";
import { settingsOf } from "../settings";
import { State } from "ts-fsrs";
import { getLessonProgress, type LessonProgress } from "./progress";
import { masteryOf, type Mastery } from "./mastery-level";

export type LessonMastery = Mastery & { slug: string; title: string };

// Every lesson's mastery level for one user, in course order: the quiz scores and card counts
// of getLessonProgress, the lessons read, and the memory state of the user's live cards (a few
// columns of at most the course's cards), with recall by the user's own parameters.
export async function getLessonMastery(
  user: Parameters<typeof settingsOf>[0],
  now = new Date(),
  progress?: Record<string, LessonProgress>,
): Promise<LessonMastery[]> {
  const u = await settingsOf(user);
  const [p, reads, cards] = await Promise.all([
    progress ?? getLessonProgress(u.id),
    db.lessonRead.findMany({ where: { userId: u.id }, select: { lessonSlug: true } }),
    db.card.findMany({
      where: { userId: u.id, catalogCard: { retiredAt: null } },
      select: { state: true, due: true, stability: true, lastReview: true, catalogCard: { select: { lessonSlug: true } } },
    }),
  ]);
  const s = createScheduler(schedulerSettingsOf(u));
  const read = new Set(reads.map((r) => r.lessonSlug));
  const byLesson = new Map<string, { studied: boolean; recall: number | null; stability: number }[]>();
  for (const c of cards) {
    const studied = c.state !== State.New && c.lastReview !== null;
    const list = byLesson.get(c.catalogCard.lessonSlug) ?? [];
    list.push({ studied, recall: studied ? retrievability(s, c, now) : null, stability: c.stability });
    byLesson.set(c.catalogCard.lessonSlug, list);
  }
  return getLessons().map((l) => ({
    slug: l.slug,
    title: l.title,
    ...masteryOf({
      read: read.has(l.slug),
      quizBest: p[l.slug]?.best ?? null,
      cardsTotal: p[l.slug]?.cardsTotal ?? 0,
      cards: byLesson.get(l.slug) ?? [],
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
