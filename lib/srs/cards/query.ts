import { State } from "ts-fsrs";
import { z } from "zod";

// The /cards view as a URL query: ?q=&lesson=&state=&due=&flag=&sort=&dir=&page=. Pure, so
// parsing and building are unit-tested. A bookmark with a stale or hand-edited value still
// opens: each bad field falls back to its default instead of failing the page.

export const CARD_SORTS = ["front", "lesson", "state", "due", "interval", "stability", "difficulty", "retrievability", "reps", "lapses"] as const;
export const CARD_STATES = ["new", "learning", "review", "relearning"] as const;
// The state each name in a query stands for.
export const CARD_STATE_OF = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning } as const satisfies Record<
  (typeof CARD_STATES)[number],
  State
>;
export const DUE_FILTERS = ["overdue", "today", "week"] as const;
export const FLAG_FILTERS = ["suspended", "buried", "leech", "none"] as const;
export const PAGE_SIZE = 50;

export type CardSort = (typeof CARD_SORTS)[number];
export type CardQuery = {
  q: string;
  lesson: string | null;
  state: (typeof CARD_STATES)[number] | null;
  due: (typeof DUE_FILTERS)[number] | null;
  flag: (typeof FLAG_FILTERS)[number] | null;
  sort: CardSort;
  dir: "asc" | "desc";
  page: number;
};

export const DEFAULT_QUERY: CardQuery = { q: "", lesson: null, state: null, due: null, flag: null, sort: "due", dir: "asc", page: 1 };

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().catch(null);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

const schema = z.object({
  q: z.string().trim().max(100).catch(""),
  lesson: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .nullable()
    .catch(null),
  state: oneOf(CARD_STATES),
  due: oneOf(DUE_FILTERS),
  flag: oneOf(FLAG_FILTERS),
  sort: z.enum(CARD_SORTS).catch(DEFAULT_QUERY.sort),
  dir: z.enum(["asc", "desc"]).catch(DEFAULT_QUERY.dir),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

// From Next's searchParams (or URLSearchParams turned into an object).
export function parseCardQuery(params: Record<string, string | string[] | undefined>): CardQuery {
  const raw = (k: string) => first(params[k]);
  return schema.parse({
    q: raw("q") ?? "",
    lesson: blankToNull(raw("lesson")),
    state: blankToNull(raw("state")),
    due: blankToNull(raw("due")),
    flag: blankToNull(raw("flag")),
    sort: raw("sort") ?? DEFAULT_QUERY.sort,
    dir: raw("dir") ?? DEFAULT_QUERY.dir,
    page: raw("page") ?? 1,
  }) as CardQuery;
}

// The query string for a view, leaving defaults out so that URLs stay short and stable.
export function cardQueryString(query: CardQuery, change: Partial<CardQuery> = {}): string {
  const v = { ...query, ...change };
  const p = new URLSearchParams();
  if (v.q) p.set("q", v.q);
  if (v.lesson) p.set("lesson", v.lesson);
  if (v.state) p.set("state", v.state);
  if (v.due) p.set("due", v.due);
  if (v.flag) p.set("flag", v.flag);
  if (v.sort !== DEFAULT_QUERY.sort) p.set("sort", v.sort);
  if (v.dir !== DEFAULT_QUERY.dir) p.set("dir", v.dir);
  if (v.page !== 1) p.set("page", String(v.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

// A column header's link: the same column again flips the direction; a new one starts
// ascending; either way back to the first page.
export function sortLink(query: CardQuery, column: CardSort): string {
  const dir = query.sort === column && query.dir === "asc" ? "desc" : "asc";
  return cardQueryString(query, { sort: column, dir, page: 1 });
}

// A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (ESCAPE '\').
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
