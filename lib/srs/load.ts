import "server-only";
import { sql } from "../db";
import { bool, date, str } from "../db/row";
import type { Row } from "../db/sql";
import { catalogueEntry } from "../content/catalogue";
import type { DayContext } from "./day";
import { toStudyClock } from "./study-clock";
import { easyDatesFromString, loadWindow, weekdaysFromString, WINDOW_DAYS, type DueEntry, type EasyDays, type LoadWindow } from "./load-balance";

// The learner's load as the even-days pick reads it (lib/srs/load-balance.ts): every other card in
// learning or review, not suspended nor retired, due from the start of today's study day on, by
// study day and lesson section, with the learner's easy days. One indexed read per grade or
// preview; null when the learner turned the balancer off.

type Db = { all: (q: ReturnType<typeof sql>) => Promise<Row[]> };

export const sectionOf = (catalogCardId: string): string | null => {
  const e = catalogueEntry(catalogCardId);
  return e ? `${e.lesson.slug}#${e.card.section}` : null;
};

const DAY_MS = 86_400_000;
export const studyDayOf = (t: Date, ctx: DayContext): number => Math.floor(toStudyClock(t, ctx).getTime() / DAY_MS);

export type Balancing = { easy: EasyDays; entries: DueEntry[]; today: number };

// The easy-day settings and due cards the window is built from (the card `exceptCardId` left out).
export async function readBalancing(db: Db, userId: string, exceptCardId: string, now: Date, ctx: DayContext): Promise<Balancing | null> {
  const today = studyDayOf(now, ctx);
  const [u] = await db.all(sql`SELECT "loadBalance", "easyWeekdays", "easyDates" FROM "User" WHERE "id" = ${userId}`);
  if (!u || !bool(u.loadBalance)) return null;
  const from = new Date(now.getTime() - 2 * DAY_MS);
  const to = new Date(now.getTime() + (WINDOW_DAYS + 2) * DAY_MS);
  const rows = await db.all(sql`
    SELECT c."due", c."catalogCardId" FROM "Card" c JOIN "CatalogCard" k ON k."id" = c."catalogCardId"
    WHERE c."userId" = ${userId} AND c."state" <> 0 AND c."due" >= ${from} AND c."due" < ${to} AND c."suspendedAt" IS NULL AND k."retiredAt" IS NULL
      AND c."id" <> ${exceptCardId}`);
  const entries = rows.map((r) => ({ day: studyDayOf(date(r.due), ctx), section: sectionOf(str(r.catalogCardId)) ?? "" }));
  return { easy: { weekdays: weekdaysFromString(str(u.easyWeekdays)), dates: easyDatesFromString(str(u.easyDates)) }, entries, today };
}

// The window for a card of `catalogCardId` graded today.
export function windowFor(b: Balancing | null, catalogCardId: string): LoadWindow | null {
  if (!b) return null;
  return loadWindow(b.today, WINDOW_DAYS, b.entries, sectionOf(catalogCardId), b.easy);
}
