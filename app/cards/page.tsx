import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listCards } from "@/lib/srs/cards/list";
import {
  cardQueryString,
  parseCardQuery,
  sortLink,
  PAGE_SIZE,
  CARD_STATES,
  CARD_STATE_OF,
  DUE_FILTERS,
  FLAG_FILTERS,
  type CardSort,
} from "@/lib/srs/cards/query";
import { settingsOf } from "@/lib/settings";
import { CardActions } from "./card-actions";
import { STATE_LABELS, days, percent, unscheduled, zoned } from "./format";
import "./cards.css";

export const metadata: Metadata = { title: "Cards" };
export const dynamic = "force-dynamic";

const DUE_LABELS = { overdue: "Overdue", today: "Due today (overdue included)", week: "Due this week" } as const;
const FLAG_LABELS = { suspended: "Suspended", buried: "Buried", leech: "Leech", none: "No flag" } as const;
const COLUMNS: { key: CardSort; label: string }[] = [
  { key: "front", label: "Front" },
  { key: "lesson", label: "Lesson" },
  { key: "state", label: "State" },
  { key: "due", label: "Due" },
  { key: "interval", label: "Interval" },
  { key: "stability", label: "Stability" },
  { key: "difficulty", label: "Difficulty" },
  { key: "retrievability", label: "Recall now" },
  { key: "reps", label: "Reviews" },
  { key: "lapses", label: "Lapses" },
];

// Every card of the learner's deck. The view lives in the URL (a GET form and plain links),
// so it can be bookmarked and the back button steps through searches, sorts and pages.
export default async function CardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/cards");
  const query = parseCardQuery(await searchParams);
  const [page, scheduling] = await Promise.all([listCards(user, query), settingsOf(user)]);
  const tz = scheduling.timeZone;
  const first = (page.page - 1) * PAGE_SIZE + 1;
  const active = [query.lesson, query.state, query.due, query.flag].filter(Boolean).length + (query.sort !== "due" ? 1 : 0);

  return (
    <>
      <h1>Your cards</h1>
      {/* The search is always there; the other filters and the sort wait in a sheet (open when one is set). */}
      <form method="get" action="/cards" className="card-filters" role="search" aria-label="Search and filter cards">
        <div className="card-search">
          <div>
            <label htmlFor="q">Search</label>
            <input id="q" name="q" type="search" defaultValue={query.q} placeholder="Words on the front" maxLength={100} />
          </div>
          {/* Secondary: the page's one primary action is the selection's (./card-actions.tsx). */}
          <button className="btn" type="submit">
            Show
          </button>
        </div>
        <details className="filter-sheet" open={active > 0 || undefined} data-testid="filter-sheet">
          <summary>Filter and sort{active > 0 ? ` (${active} on)` : ""}</summary>
          <div className="filter-fields">
            <div>
              <label htmlFor="lesson">Lesson</label>
              <select id="lesson" name="lesson" defaultValue={query.lesson ?? ""}>
                <option value="">Any lesson</option>
                {page.lessons.map((l) => (
                  <option key={l.slug} value={l.slug}>
                    {l.title}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="state">State</label>
              <select id="state" name="state" defaultValue={query.state ?? ""}>
                <option value="">Any state</option>
                {CARD_STATES.map((s) => (
                  <option key={s} value={s}>
                    {STATE_LABELS[CARD_STATE_OF[s]]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="due">Due</label>
              <select id="due" name="due" defaultValue={query.due ?? ""}>
                <option value="">Any time</option>
                {DUE_FILTERS.map((d) => (
                  <option key={d} value={d}>
                    {DUE_LABELS[d]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="flag">Flag</label>
              <select id="flag" name="flag" defaultValue={query.flag ?? ""}>
                <option value="">Any</option>
                {FLAG_FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {FLAG_LABELS[f]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="sort">Sort by</label>
              <select id="sort" name="sort" defaultValue={query.sort}>
                {COLUMNS.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
          <div className="btn-row">
            <button className="btn primary" type="submit">
              Apply filters
            </button>
            <Link prefetch={false} className="btn" href="/cards">
              Clear
            </Link>
          </div>
        </details>
      </form>

      <p className="muted" data-testid="card-count">
        {page.total === 0
          ? "No cards match"
          : page.rows.length === 0
            ? `No cards on this page; ${page.total} in all`
            : `${first}–${first + page.rows.length - 1} of ${page.total} card${page.total === 1 ? "" : "s"}`}
        . Times in {tz}; recall uses your own FSRS parameters.
      </p>

      {page.rows.length > 0 && (
        <>
          <CardActions />
          {/* On a phone: a list (front, due, state) with a 44 px selection box; wide screens get the table. */}
          <ul className="card-list" data-testid="card-list">
            {page.rows.map((r) => (
              <li key={r.id} data-card-id={r.id}>
                <label className="card-pick">
                  <input type="checkbox" name="card" value={r.id} form="card-actions" />
                  <span className="sr-only">Select “{r.front}”</span>
                </label>
                <div className="card-item">
                  <Link prefetch={false} href={`/cards/${r.id}`} className="card-front">
                    {r.front || "(no text)"}
                  </Link>
                  <span className="hint">
                    {STATE_LABELS[r.state]}
                    {unscheduled(r.state) ? "" : ` · due ${zoned(r.due, tz)}`}
                    {r.suspended && <span className="tag">Suspended</span>}
                    {r.buried && <span className="tag">Buried</span>}
                    {r.leech && <span className="tag warn">Leech</span>}
                  </span>
                </div>
              </li>
            ))}
          </ul>
          <div className="table-scroll cards-wide">
            <table className="cards-table" data-testid="cards-table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">Select</span>
                  </th>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" aria-sort={query.sort === c.key ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                      <Link prefetch={false} href={`/cards${sortLink(query, c.key)}`}>
                        {c.label}
                        {query.sort === c.key ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
                      </Link>
                    </th>
                  ))}
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.id} data-card-id={r.id}>
                    <td>
                      <input type="checkbox" name="card" value={r.id} form="card-actions" aria-label={`Select “${r.front}”`} />
                    </td>
                    <th scope="row">
                      <Link prefetch={false} href={`/cards/${r.id}`}>
                        {r.front || "(no text)"}
                      </Link>
                    </th>
                    <td>{r.lessonTitle}</td>
                    <td>{STATE_LABELS[r.state]}</td>
                    <td>{unscheduled(r.state) ? "–" : zoned(r.due, tz)}</td>
                    <td>{unscheduled(r.state) ? "–" : `${r.intervalDays}d`}</td>
                    <td>{unscheduled(r.state) ? "–" : `${days(r.stability)}d`}</td>
                    <td>{unscheduled(r.state) ? "–" : r.difficulty.toFixed(1)}</td>
                    <td>{percent(r.retrievability)}</td>
                    <td>{r.reps}</td>
                    <td>{r.lapses}</td>
                    <td className="flags">
                      {r.suspended && <span className="tag">Suspended</span>}
                      {r.buried && <span className="tag">Buried</span>}
                      {r.leech && <span className="tag warn">Leech</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {(page.pages > 1 || page.page > 1) && (
        <nav aria-label="Pages" className="btn-row">
          {page.page > 1 && page.rows.length === 0 && (
            <Link prefetch={false} className="btn" href={`/cards${cardQueryString(query, { page: 1 })}`}>
              First page
            </Link>
          )}
          {page.page > 1 && page.rows.length > 0 && (
            <Link prefetch={false} className="btn" rel="prev" href={`/cards${cardQueryString(query, { page: Math.min(page.page - 1, page.pages) })}`}>
              ← Previous
            </Link>
          )}
          <span className="muted">
            Page {Math.min(page.page, page.pages)} of {page.pages}
          </span>
          {page.page < page.pages && (
            <Link prefetch={false} className="btn" rel="next" href={`/cards${cardQueryString(query, { page: page.page + 1 })}`}>
              Next →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
