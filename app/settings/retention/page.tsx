import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { settingsOf } from "@/lib/settings";
import { getWorkload } from "@/lib/srs/workload-jobs";
import { forgottenInTen, HORIZON_DAYS, MIN_RECOMMENDED_RETENTION, minutesAndSeconds, retentionWarning, type WorkloadPoint } from "@/lib/srs/workload";
import { RetentionChart } from "./retention-chart";
import { RefreshWhileRunning } from "./refresh";

export const metadata: Metadata = { title: "Help me decide: how much to remember" };
export const dynamic = "force-dynamic";

const pct = (r: number) => `${Math.round(r * 100)}%`;
// The choices shown first: the usual range, with the suggestion and the learner's own setting.
const SHOWN = [0.8, 0.85, 0.9, 0.95, 0.97];

export default async function RetentionPage() {
  const user = await requireUser("/settings/retention");
  const [settings, view] = await Promise.all([settingsOf(user), getWorkload(user.id)]);
  const current = Math.round(settings.desiredRetention * 100) / 100;
  return (
    <div className="retention-page">
      <h1>Help me decide: how much to remember</h1>
      <p>
        The higher you set it, the more of your cards you remember when they come up, and the more time reviews take. Here is what each choice would cost you
        over the next year, worked out from your own deck, your new-card limit ({settings.newCardsPerDay} a day) and how long you take to answer.
      </p>
      <ul className="retention-groups" data-testid="retention-groups">
        {[
          { name: "Your cards", value: settings.desiredRetention },
          { name: "The warning signs (when to get help)", value: settings.safetyRetention },
        ].map((g) => (
          <li key={g.name}>
            {g.name}: <strong>{pct(g.value)}</strong>
            {retentionWarning(g.value) && (
              <span className="form-error" role="note">
                {" "}
                {retentionWarning(g.value)}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p>
        The warning signs have their own value, 95% unless you change it, so that they do not fade. <Link href="/settings">Change either in settings</Link>.
      </p>
      {view.status === "running" ? (
        <>
          <RefreshWhileRunning />
          <p role="status" aria-live="polite">
            Working it out… {view.done} of {view.total} choices done.
          </p>
          <progress max={view.total} value={view.done} aria-label="Simulation progress" />
        </>
      ) : (
        (() => {
          const total = view.cards + view.newCards;
          const forgotten = (p: WorkloadPoint) => Math.max(0, Math.round(total - p.memorized));
          const rows = view.points.filter((p) => SHOWN.includes(p.retention) || p.retention === current || p.retention === view.best?.retention);
          return (
            <>
              {view.best && (
                <p className="notice" role="status" data-testid="retention-suggestion">
                  Suggested: <strong>{pct(view.best.retention)}</strong>. You would forget about {forgottenInTen(view.best.retention)} cards when they come up,
                  for about {minutesAndSeconds(view.best.minutesPerDay)} of reviews a day. Choose higher if remembering more is worth the time to you; we never
                  suggest less than {pct(MIN_RECOMMENDED_RETENTION)}, because these are facts you need when your back gives way.
                </p>
              )}
              <table className="retention-choices" data-testid="retention-choices">
                <caption className="sr-only">What each choice means</caption>
                <thead>
                  <tr>
                    <th scope="col">You remember</th>
                    <th scope="col">Time a day</th>
                    <th scope="col">Cards forgotten</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p) => (
                    <tr key={p.retention} aria-current={p.retention === view.best?.retention ? "true" : undefined}>
                      <th scope="row">
                        {pct(p.retention)}
                        {p.retention === view.best?.retention && <span className="hint"> suggested</span>}
                        {p.retention === current && <span className="hint"> yours</span>}
                      </th>
                      <td>{minutesAndSeconds(p.minutesPerDay)}</td>
                      <td>
                        {forgottenInTen(p.retention)} when due
                        <span className="hint">
                          {forgotten(p)} of {total} after a year
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <RetentionChart
                id="workload-minutes"
                title="Time a day"
                desc="Average minutes of review a day over the next year, by how much you choose to remember."
                points={view.points}
                value={(p) => p.minutesPerDay}
                unit="minutes"
                best={view.best?.retention ?? null}
                current={settings.desiredRetention}
              />
              <details className="advanced" data-testid="retention-advanced">
                <summary>Advanced: every value and how it is worked out</summary>
                <p className="hint">
                  How much you remember is FSRS&apos;s <em>desired retention</em>: the chance of recalling a card on the day it is due. Each value is a
                  simulation of {HORIZON_DAYS} days with your {view.cards} studied and {view.newCards} new cards, your parameters and your answer times (
                  {view.habits.recallSeconds.toFixed(0)} s when you remember, {view.habits.forgetSeconds.toFixed(0)} s when you forget,{" "}
                  {view.habits.learnSeconds.toFixed(0)} s for a new card). The suggestion is the value from {pct(MIN_RECOMMENDED_RETENTION)} up with the least
                  review time per card remembered after a year.
                </p>
                <RetentionChart
                  id="workload-ratio"
                  title="Minutes per card remembered"
                  desc="Total review minutes over the year divided by the cards expected to be remembered at its end."
                  points={view.points}
                  value={(p) => p.minutesPerMemorized}
                  unit="minutes"
                  best={view.best?.retention ?? null}
                  current={settings.desiredRetention}
                />
                <div className="table-scroll">
                  <table>
                    <caption className="sr-only">The simulation for every value</caption>
                    <thead>
                      <tr>
                        <th scope="col">Retention</th>
                        <th scope="col">Reviews a day</th>
                        <th scope="col">Time a day</th>
                        <th scope="col">Remembered after a year</th>
                        <th scope="col">Minutes per card remembered</th>
                      </tr>
                    </thead>
                    <tbody>
                      {view.points.map((p) => (
                        <tr key={p.retention}>
                          <th scope="row">{pct(p.retention)}</th>
                          <td>{p.reviewsPerDay.toFixed(1)}</td>
                          <td>{minutesAndSeconds(p.minutesPerDay)}</td>
                          <td>{Math.round(p.memorized)}</td>
                          <td>{p.minutesPerMemorized.toFixed(2)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          );
        })()
      )}
    </div>
  );
}
