import "server-only";
import { bool, date, str } from "../db/row";
import type { Query, Row } from "../db/sql";
import { catalogueEntry } from "../content/catalogue";
import type { DayContext } from "./day";
import { toStudyClock } from "./study-clock";
import { easyDatesFromString, loadWindow, weekdaysFromString, WINDOW_DAYS, type DueEntry, type EasyDays, type LoadWindow } from "./load-balance";

// The learner's load as the even-days pick reads it (lib/srs/load-balance.ts): every other card in
// learning or review, not suspended nor retired, due from the start of today's study day on, by
// study day and lesson section, with the learner's easy days. One statement per grade or
// preview; null when the learner turned the balancer off.

type Db = { all: (q: Query) => Promise<Row[]> };

export const sectionOf = (catalogCardId: string): string | null => {
  const e = catalogueEntry(catalogCardId);
  return e ? `${e.lesson.slug}#${e.card.section}` : null;
};

const DAY_MS = 86_400_000;
export const studyDayOf = (t: Date, ctx: DayContext): number => Math.floor(toStudyClock(t, ctx).getTime() / DAY_MS);

export type Balancing = { easy: EasyDays; entries: DueEntry[]; today: number };

// The other cards a load counts, joined to a query's card row `c` (values: loadBounds's from
// and to): `o."due"` and `o."catalogCardId"`, one row each; with none, one row of nulls.
export const LOAD_JOIN = `LEFT JOIN "Card" o ON o."userId" = c."userId" AND o."state" <> 0 AND o."due" >= ? AND o."due" < ?
    AND o."suspendedAt" IS NULL AND o."id" <> c."id"
    AND NOT EXISTS (SELECT 1 FROM "CatalogCard" ok WHERE ok."id" = o."catalogCardId" AND ok."retiredAt" IS NOT NULL)`;
export const LOAD_COLUMNS = `u."loadBalance", u."easyWeekdays", u."easyDates", o."due" AS "oDue", o."catalogCardId" AS "oCatalogCardId"`;

// The bounds of the due dates a load for a grade at `now` reads.
export const loadBounds = (now: Date) => ({ from: new Date(now.getTime() - 2 * DAY_MS), to: new Date(now.getTime() + (WINDOW_DAYS + 2) * DAY_MS) });

// The load from rows carrying the user's "loadBalance", "easyWeekdays", "easyDates" and the other
// cards' "oDue" and "oCatalogCardId"; null when the learner turned even days off.
export function balancingOf(rows: Row[], now: Date, ctx: DayContext): Balancing | null {
  const u = rows[0];
  if (!u || !bool(u.loadBalance)) return null;
  const entries = rows.filter((r) => r.oDue != null).map((r) => ({ day: studyDayOf(date(r.oDue), ctx), section: sectionOf(str(r.oCatalogCardId)) ?? "" }));
  return { easy: { weekdays: weekdaysFromString(str(u.easyWeekdays)), dates: easyDatesFromString(str(u.easyDates)) }, entries, today: studyDayOf(now, ctx) };
}

// The load for card `cardId` at `now`, in one statement (grading reads it with the card itself).
export async function readBalancing(db: Db, userId: string, cardId: string, now: Date, ctx: DayContext): Promise<Balancing | null> {
  const { from, to } = loadBounds(now);
  const rows = await db.all({
    text: `SELECT ${LOAD_COLUMNS} FROM "Card" c JOIN "User" u ON u."id" = c."userId" ${LOAD_JOIN} WHERE c."id" = ? AND c."userId" = ?`,
    values: [from, to, cardId, userId],
  });
  return balancingOf(rows, now, ctx);
}

// The window for a card of `catalogCardId` graded today.
export function windowFor(b: Balancing | null, catalogCardId: string): LoadWindow | null {
  if (!b) return null;
  return loadWindow(b.today, WINDOW_DAYS, b.entries, sectionOf(catalogCardId), b.easy);
}
