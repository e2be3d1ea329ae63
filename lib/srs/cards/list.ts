import "server-only";
import { sql, type OrderByExpression, type SqlBool } from "kysely";
import { State } from "ts-fsrs";
import { kdb } from "../../db";
import { dueBefore, liveCards, queuedAt, type CardScope } from "../card-queries";
import { getLessons } from "../../content/load";
import { studyDayBounds } from "../day";
import { createScheduler } from "../scheduler";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { forgettingCurve, recallAt, retrievabilityOf } from "../recall-sql";
import { settingsOf } from "../../settings";
import { CARD_STATE_OF, likePattern, PAGE_SIZE, type CardQuery, type CardSort } from "./query";

// /cards: one page of the learner's deck in two statements (the page and the total). Search,
// filters, sort and pagination all run in SQL, and only the
// columns the table shows are read, so a 10,000-card deck costs one indexed scan of the
// user's cards and a sort, never a row per card in JavaScript.

export type CardRow = {
  id: string;
  front: string;
  lessonSlug: string;
  lessonTitle: string;
  state: State;
  due: string;
  intervalDays: number;
  stability: number;
  difficulty: number;
  retrievability: number | null;
  reps: number;
  lapses: number;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
};

export type CardPage = { rows: CardRow[]; total: number; page: number; pages: number; lessons: { slug: string; title: string }[] };

// Constant per column, so each sort has one prepared statement.
const ORDER: Record<CardSort, OrderByExpression<CardScope, "c" | "k", { r: number | null }>> = {
  front: sql`lower(${sql.ref("k.front")})`,
  lesson: "k.position",
  state: "c.state",
  due: "c.due",
  interval: "c.scheduledDays",
  stability: "c.stability",
  difficulty: "c.difficulty",
  retrievability: "r",
  reps: "c.reps",
  lapses: "c.lapses",
};

export async function listCards(userOrId: Parameters<typeof settingsOf>[0], query: CardQuery, now = new Date()): Promise<CardPage> {
  const user = await settingsOf(userOrId);
  const ctx = dayContextOf(user);
  const curve = forgettingCurve(createScheduler(schedulerSettingsOf(user)).fsrs.parameters.w);
  const today = studyDayBounds(now, ctx);
  // "This week": the current study day and the six after it, by the learner's own days. Six
  // and a half days after today's start lies inside the seventh study day whatever DST does.
  const weekEnd = studyDayBounds(new Date(today.start.getTime() + 6.5 * 86_400_000), ctx).end;

  let cards = liveCards(kdb, user.id);
  if (query.q) cards = cards.where(sql<SqlBool>`lower(${sql.ref("k.front")}) LIKE ${likePattern(query.q)} ESCAPE '\\'`);
  if (query.lesson) cards = cards.where("k.lessonSlug", "=", query.lesson);
  if (query.state) cards = cards.where("c.state", "=", CARD_STATE_OF[query.state]);
  // Due dates mean something only for studied cards; "today" includes overdue ones, as the
  // review queue's count does.
  if (query.due) cards = cards.where(dueBefore(query.due === "overdue" ? today.start : query.due === "today" ? today.end : weekEnd));
  if (query.flag === "suspended") cards = cards.where("c.suspendedAt", "is not", null);
  if (query.flag === "leech") cards = cards.where("c.leech", "=", true);
  if (query.flag === "buried") cards = cards.where("c.buriedUntil", ">", now);
  if (query.flag === "none") cards = cards.where(queuedAt(now)).where("c.leech", "=", false);
  const dir = query.dir;
  // NULL retrievability (new cards) sorts last either way; the id breaks ties, so pages never
  // overlap or skip. (PostgreSQL takes an output alias in ORDER BY only bare, hence NULLS
  // LAST, which SQLite accepts too.)
  const page = cards
    .select([
      "c.id",
      "k.front",
      "k.lessonSlug",
      "c.state",
      "c.due",
      "c.scheduledDays",
      "c.stability",
      "c.difficulty",
      "c.reps",
      "c.lapses",
      "c.suspendedAt",
      "c.buriedUntil",
      "c.leech",
      retrievabilityOf(kdb, recallAt(curve, now)).as("r"),
    ])
    .orderBy(ORDER[query.sort], (o) => (query.sort === "retrievability" ? o[dir]().nullsLast() : o[dir]()))
    .orderBy("c.id", dir)
    .limit(PAGE_SIZE)
    .offset((query.page - 1) * PAGE_SIZE);
  // The total is its own statement: a window count over the page query would make the engine
  // keep every row before sorting, where ORDER BY … LIMIT alone keeps only the top rows.
  const [rows, count] = await Promise.all([page.execute(), cards.select((e) => e.fn.countAll().as("n")).executeTakeFirst()]);

  const lessons = getLessons().map((l) => ({ slug: l.slug, title: l.title }));
  const titles = new Map(lessons.map((l) => [l.slug, l.title]));
  const total = Number(count?.n ?? 0);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      front: r.front,
      lessonSlug: r.lessonSlug,
      lessonTitle: titles.get(r.lessonSlug) ?? r.lessonSlug,
      state: r.state,
      due: r.due.toISOString(),
      intervalDays: r.scheduledDays,
      stability: r.stability,
      difficulty: r.difficulty,
      retrievability: r.r == null ? null : Number(r.r),
      reps: r.reps,
      lapses: r.lapses,
      suspended: r.suspendedAt != null,
      buried: r.buriedUntil != null && r.buriedUntil.getTime() > now.getTime(),
      leech: r.leech,
    })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    lessons,
  };
}
