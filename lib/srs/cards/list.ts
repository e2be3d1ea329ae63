import "server-only";
import { sqlDb } from "../../db";
import { bool, date, dateOrNull, num, str } from "../../db/row";
import { getLessons } from "../../content/load";
import { studyDayBounds } from "../day";
import { createScheduler } from "../scheduler";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { forgettingCurve, retrievabilitySql, retrievabilityValues } from "../recall-sql";
import { settingsOf } from "../../settings";
import { likePattern, PAGE_SIZE, type CardQuery, type CardSort } from "./query";

// /cards: one page of the learner's deck in two statements (the page and the total). Search,
// filters, sort and pagination all run in SQL, and only the
// columns the table shows are read, so a 10,000-card deck costs one indexed scan of the
// user's cards and a sort, never a row per card in JavaScript.

export type CardRow = {
  id: string;
  front: string;
  lessonSlug: string;
  lessonTitle: string;
  state: number;
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

const STATE_NUM = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

// Constant per column, so each sort has one prepared statement.
const ORDER: Record<CardSort, string> = {
  front: `lower(k."front")`,
  lesson: `k."position"`,
  state: `c."state"`,
  due: `c."due"`,
  interval: `c."scheduledDays"`,
  stability: `c."stability"`,
  difficulty: `c."difficulty"`,
  retrievability: `"r"`,
  reps: `c."reps"`,
  lapses: `c."lapses"`,
};

export async function listCards(userOrId: Parameters<typeof settingsOf>[0], query: CardQuery, now = new Date()): Promise<CardPage> {
  const user = await settingsOf(userOrId);
  const ctx = dayContextOf(user);
  const curve = forgettingCurve(createScheduler(schedulerSettingsOf(user)).fsrs.parameters.w);
  const today = studyDayBounds(now, ctx);
  // "This week": the current study day and the six after it, by the learner's own days. Six
  // and a half days after today's start lies inside the seventh study day whatever DST does.
  const weekEnd = studyDayBounds(new Date(today.start.getTime() + 6.5 * 86_400_000), ctx).end;

  const where: string[] = [`c."userId" = ?`, `k."retiredAt" IS NULL`];
  const values: unknown[] = [user.id];
  if (query.q) {
    where.push(`lower(k."front") LIKE ? ESCAPE '\\'`);
    values.push(likePattern(query.q));
  }
  if (query.lesson) {
    where.push(`k."lessonSlug" = ?`);
    values.push(query.lesson);
  }
  if (query.state) {
    where.push(`c."state" = ?`);
    values.push(STATE_NUM[query.state]);
  }
  if (query.due) {
    // Due dates mean something only for studied cards; "today" includes overdue ones, as the
    // review queue's count does.
    where.push(`c."state" <> 0 AND c."due" < ?`);
    values.push(query.due === "overdue" ? today.start : query.due === "today" ? today.end : weekEnd);
  }
  if (query.flag === "suspended") where.push(`c."suspendedAt" IS NOT NULL`);
  if (query.flag === "leech") {
    where.push(`c."leech" = ?`);
    values.push(true);
  }
  if (query.flag === "buried") {
    where.push(`c."buriedUntil" > ?`);
    values.push(now);
  }
  if (query.flag === "none") {
    where.push(`c."suspendedAt" IS NULL AND (c."buriedUntil" IS NULL OR c."buriedUntil" <= ?) AND c."leech" = ?`);
    values.push(now, false);
  }
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  // NULL retrievability (new cards) sorts last either way; the id breaks ties, so pages never
  // overlap or skip.
  // (PostgreSQL takes an output alias in ORDER BY only bare, hence NULLS LAST, which SQLite
  // accepts too.)
  const nulls = query.sort === "retrievability" ? " NULLS LAST" : "";
  const offset = (query.page - 1) * PAGE_SIZE;
  const from = `FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId" WHERE ${where.join(" AND ")}`;
  const text = `SELECT c."id", k."front", k."lessonSlug", c."state", c."due", c."scheduledDays", c."stability", c."difficulty", c."reps", c."lapses",
      c."suspendedAt", c."buriedUntil", c."leech", ${retrievabilitySql(sqlDb.dialect.epochMs('c."lastReview"'))} AS "r"
    ${from}
    ORDER BY ${ORDER[query.sort]} ${dir}${nulls}, c."id" ${dir}
    LIMIT ? OFFSET ?`;
  // The total is its own statement: a window count over the page query would make the engine
  // keep every row before sorting, where ORDER BY … LIMIT alone keeps only the top rows.
  const [rows, count] = await Promise.all([
    sqlDb.all({ text, values: [...retrievabilityValues(curve, now), ...values, PAGE_SIZE, offset] }),
    sqlDb.get({ text: `SELECT COUNT(*) AS "n" ${from}`, values }),
  ]);

  const lessons = getLessons().map((l) => ({ slug: l.slug, title: l.title }));
  const titles = new Map(lessons.map((l) => [l.slug, l.title]));
  const total = num(count?.n);
  return {
    rows: rows.map((r) => {
      const buriedUntil = dateOrNull(r.buriedUntil);
      return {
        id: str(r.id),
        front: str(r.front),
        lessonSlug: str(r.lessonSlug),
        lessonTitle: titles.get(str(r.lessonSlug)) ?? str(r.lessonSlug),
        state: num(r.state),
        due: date(r.due).toISOString(),
        intervalDays: num(r.scheduledDays),
        stability: num(r.stability),
        difficulty: num(r.difficulty),
        retrievability: r.r == null ? null : num(r.r),
        reps: num(r.reps),
        lapses: num(r.lapses),
        suspended: r.suspendedAt != null,
        buried: buriedUntil != null && buriedUntil.getTime() > now.getTime(),
        leech: bool(r.leech),
      };
    }),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    lessons,
  };
}
