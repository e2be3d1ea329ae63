import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { UserError } from "@/lib/errors";
import { getCardInfo, type CardInfo } from "@/lib/srs/cards/info";
import { CardActions } from "../card-actions";
import { StabilityChart } from "../stability-chart";
import { ACTION_LABELS, RATING_LABELS, STATE_LABELS, days, intervalLabel, percent, unscheduled, zoned } from "../format";
import "../cards.css";

export const metadata: Metadata = { title: "Card info" };
export const dynamic = "force-dynamic";

async function load(userId: Parameters<typeof getCardInfo>[0], id: string): Promise<CardInfo> {
  try {
    return await getCardInfo(userId, id);
  } catch (e) {
    if (e instanceof UserError && e.status === 404) notFound();
    throw e;
  }
}

export default async function CardInfoPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/cards/${encodeURIComponent(id)}`);
  const c = await load(user, id);
  const tz = c.timeZone;
  const live = c.history.filter((h) => h.type === "review" && !h.undone);
  const points = live.map((h) => ({ at: h.at, stability: h.type === "review" ? h.stabilityAfter : 0 }));

  return (
    <>
      <p>
        <Link className="link-row" href="/cards">
          ← All cards
        </Link>
      </p>
      <h1>{c.view?.prompt ?? "A retired card"}</h1>
      {c.view && (
        <p className="muted">
          {c.view.lessonTitle} · {c.view.sectionHeading}
        </p>
      )}
      {c.view && (
        <p>
          <b>Answer:</b> {c.view.answer}
        </p>
      )}
      {c.leech && (
        <p className="notice" data-testid="leech-notice">
          <b>Leech.</b> You have forgotten this card {c.lapses} times. Rewording it in your own words, or rereading its lesson section, usually helps more than
          more reviews.
        </p>
      )}
      {/* Six tiles of one shape (a value over its label), two to a row on a phone. */}
      <div className="stats card-stats">
        <div className="stat">
          <b>{STATE_LABELS[c.state]}</b> state
        </div>
        <div className="stat">
          <b>{unscheduled(c.state) ? "–" : zoned(c.due, tz)}</b> due
        </div>
        <div className="stat">
          <b>{percent(c.retrievability)}</b> chance you recall it now
        </div>
        <div className="stat">
          <b>{c.reps}</b> reviews
        </div>
        <div className="stat">
          <b>{c.lapses}</b> times forgotten
        </div>
        <div className="stat" data-testid="card-flags">
          <b>{c.suspended ? "Suspended" : c.buried ? "Buried" : c.retired ? "Retired" : "In the queue"}</b>
          {c.leech ? "leech · " : ""}
          {c.suspended ? "until you unsuspend it" : c.buried ? "until tomorrow" : c.retired ? "from the course" : "comes up when due"}
        </div>
      </div>
      <details className="advanced">
        <summary>Advanced: stability and difficulty</summary>
        <p>
          <b>Stability {unscheduled(c.state) ? "–" : `${days(c.stability)} days`}</b>: how long until your chance of recalling this card falls to 90%.
        </p>
        <p>
          <b>Difficulty {unscheduled(c.state) ? "–" : c.difficulty.toFixed(2)}</b>: how hard the card is for you, from 1 (easy) to 10 (hard); harder cards grow
          their gaps more slowly.
        </p>
      </details>
      {!c.retired && <CardActions cardIds={[c.id]} compact flags={{ suspended: c.suspended, buried: c.buried }} />}

      <section aria-labelledby="stab-h">
        <h2 id="stab-h">Stability over time</h2>
        <StabilityChart points={points} timeZone={tz} />
      </section>

      <section aria-labelledby="hist-h">
        <h2 id="hist-h">History</h2>
        <p className="muted">
          Times in {tz}. Added {zoned(c.addedAt, tz)}. Undone reviews are struck through; manual actions are listed as such and never count as reviews.
        </p>
        {c.history.length === 0 ? (
          <p>No reviews yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="History, scrolls sideways">
            <table data-testid="card-history">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Rating</th>
                  <th scope="col">Interval given</th>
                  <th scope="col">Stability</th>
                  <th scope="col">Difficulty</th>
                  <th scope="col">Recall at review</th>
                  <th scope="col">Time taken</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {c.history.map((h, i) =>
                  h.type === "review" ? (
                    <tr key={i} className={h.undone ? "history-undone" : undefined}>
                      <th scope="row">{zoned(h.at, tz)}</th>
                      <td>{RATING_LABELS[h.rating]}</td>
                      <td>{intervalLabel(h.intervalMs)}</td>
                      <td>
                        {unscheduled(h.state) ? "–" : days(h.stabilityBefore)} → {days(h.stabilityAfter)}d
                      </td>
                      <td>{unscheduled(h.state) ? "–" : h.difficulty.toFixed(2)}</td>
                      <td>{percent(h.retrievability)}</td>
                      <td>{(h.durationMs / 1000).toFixed(1)} s</td>
                      <td>{h.undone ? "Undone" : STATE_LABELS[h.state]}</td>
                    </tr>
                  ) : (
                    <tr key={i} className={h.undone ? "history-undone" : undefined} data-testid="manual-entry">
                      <th scope="row">{zoned(h.at, tz)}</th>
                      <td colSpan={6}>Manual: {ACTION_LABELS[h.kind] ?? h.kind}</td>
                      <td>{h.undone ? "Undone" : "Manual"}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
