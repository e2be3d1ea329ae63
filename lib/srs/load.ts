import "server-only";
import type { Db } from "../db";
import { catalogueEntry } from "../content/catalogue";
import { studyDayNumber, studyDayStart, type DayContext } from "./day";
import { liveCards, studied, unsuspended } from "./card-queries";
import { loadWindow, SECTION_GAP, WINDOW_DAYS, type DueEntry, type EasyDays, type EasyLevel, type LoadWindow } from "./load-balance";

// The learner's load as the even-days pick reads it (lib/srs/load-balance.ts): every other card in
// learning or review, not suspended nor retired, due from the start of today's study day on, by
// study day and lesson section, with the learner's easy days. Grading reads it in the same
// statement as the card (lib/srs/review/grade.ts); null when the learner turned the balancer off.

// Remembered per catalogue card (the catalogue is fixed for the process's life): a grade
// looks up the section of every card its load counts.
const sections = new Map<string, string | null>();
export const sectionOf = (catalogCardId: string): string | null => {
  let section = sections.get(catalogCardId);
  if (section === undefined) {
    const e = catalogueEntry(catalogCardId);
    section = e ? `${e.lesson.slug}#${e.card.section}` : null;
    sections.set(catalogCardId, section);
  }
  return section;
};

const DAY_MS = 86_400_000;

export type Balancing = { easy: EasyDays; entries: DueEntry[]; today: number };

// The learner's even-days settings, as the session check read them (lib/settings).
export type LoadSettings = { loadBalance: boolean; easyWeekdays: EasyLevel[]; easyDates: string[] };
// A card the load counts.
export type LoadCard = { due: Date; catalogCardId: string };

// The bounds of the due dates a load for a grade at `now` reads.
export const loadBounds = (now: Date) => ({ from: new Date(now.getTime() - 2 * DAY_MS), to: new Date(now.getTime() + (WINDOW_DAYS + 2) * DAY_MS) });

// The bounds of the due dates a pick on study days `days` reads (lib/srs/scheduler.ts planGrade):
// those days and SECTION_GAP days on each side, whose cards set the days' same-section flags.
export const loadBoundsOn = (days: { from: number; to: number }, ctx: DayContext) => ({
  from: studyDayStart(days.from - SECTION_GAP, ctx),
  to: studyDayStart(days.to + SECTION_GAP + 1, ctx),
});

// The other cards the load of card `cardId` counts (see above; `from` and `to` from loadBounds),
// as a query of the user's cards `c`; read only while even days are on.
export const loadCards = (db: Db, p: { userId: string; cardId: string; from: Date; to: Date }) =>
  liveCards(db, p.userId).where(studied()).where(unsuspended()).where("c.due", ">=", p.from).where("c.due", "<", p.to).where("c.id", "<>", p.cardId);

// The load from the learner's settings and the cards it counts; null when even days are off.
export function balancingOf(user: LoadSettings, cards: readonly LoadCard[], now: Date, ctx: DayContext): Balancing | null {
  if (!user.loadBalance) return null;
  const entries = cards.map((c) => ({ day: studyDayNumber(c.due, ctx), section: sectionOf(c.catalogCardId) ?? "" }));
  return { easy: { weekdays: user.easyWeekdays, dates: user.easyDates }, entries, today: studyDayNumber(now, ctx) };
}

// The window for a card of `catalogCardId` graded today.
export function windowFor(b: Balancing | null, catalogCardId: string): LoadWindow | null {
  if (!b) return null;
  return loadWindow(b.today, WINDOW_DAYS, b.entries, sectionOf(catalogCardId), b.easy);
}
