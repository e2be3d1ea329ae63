import {
  HORIZON_DAYS,
  MAX_RECOMMENDED_RETENTION,
  MIN_RECOMMENDED_RETENTION,
  forgottenInTen,
  minutesAndSeconds,
  retentionWarning,
  type Habits,
  type WorkloadPoint,
} from "@/lib/srs/workload";
import { RECOMMENDED_FLOOR } from "@/lib/srs/workload-groups";
import type { GroupWorkload } from "@/lib/srs/workload-jobs";
import type { RetentionGroup } from "@/lib/settings/schema";
import { SAFETY_MAX_INTERVAL_DAYS } from "@/lib/srs/safety";
import { ApplyRetention } from "./apply-retention";
import { RetentionChart } from "./retention-chart";

const pct = (r: number) => `${Math.round(r * 100)}%`;
// The choices shown first: the usual range, with the suggestion and the learner's own setting.
const SHOWN = [0.8, 0.85, 0.9, 0.95, 0.97];

export const GROUP_NAMES: Record<RetentionGroup, { title: string; label: string; about: string }> = {
  general: { title: "Your cards", label: "your cards", about: "Every card except the warning signs." },
  safety: {
    title: "The warning signs (when to get help)",
    label: "the warning signs",
    about: `The cards on when to get help. They come back at least every ${SAFETY_MAX_INTERVAL_DAYS} days, and we never suggest less than ${pct(RECOMMENDED_FLOOR.safety)} for them, so that they do not fade.`,
  },
};

// A short word beside a choice outside 80%-95% (the full warning is retentionWarning's).
const tag = (r: number) => (r > MAX_RECOMMENDED_RETENTION + 1e-9 ? "many more reviews" : r < MIN_RECOMMENDED_RETENTION - 1e-9 ? "you forget many" : null);

// One group's part of Help me decide: its value, the suggestion, what each choice costs and
// means, one tap to use a value, and the details behind Advanced.
export function GroupDecision({ group, value, result, habits }: { group: RetentionGroup; value: number; result: GroupWorkload; habits: Habits }) {
  const names = GROUP_NAMES[group];
  const current = Math.round(value * 100) / 100;
  const warning = retentionWarning(value);
  const total = result.cards + result.newCards;
  const best = result.best;
  const forgotten = (p: WorkloadPoint) => Math.max(0, Math.round(total - p.memorized));
  const rows = result.points.filter((p) => SHOWN.includes(p.retention) || p.retention === current || p.retention === best?.retention);
  return (
    <section className="retention-group" data-testid={`decide-${group}`} aria-labelledby={`decide-${group}-title`}>
      <h2 id={`decide-${group}-title`}>{names.title}</h2>
      <p className="hint">
        {names.about} {total > 0 && `${result.cards} studied, ${result.newCards} new.`}
      </p>
      <p role="status" aria-live="polite" data-testid="retention-current">
        How much you remember now: <strong>{pct(value)}</strong>
        {warning && (
          <span className="form-error retention-warning" role="note">
            {warning}
          </span>
        )}
      </p>
      {total === 0 ? (
        <p>There are no cards in this group yet: add a lesson to your cards first.</p>
      ) : (
        <>
          {best && (
            <div className="notice" data-testid="retention-suggestion">
              <p>
                Suggested: <strong>{pct(best.retention)}</strong>. You would forget about {forgottenInTen(best.retention)} of these cards when they come up, for
                about {minutesAndSeconds(best.minutesPerDay)} of reviews a day.
              </p>
              {best.retention !== current && <ApplyRetention group={group} retention={best.retention} label={names.label} wide />}
            </div>
          )}
          <table className="retention-choices" data-testid="retention-choices">
            <caption className="sr-only">What each choice means for {names.label}</caption>
            <thead>
              <tr>
                <th scope="col">You remember</th>
                <th scope="col">Time a day</th>
                <th scope="col">Cards forgotten</th>
                <th scope="col">
                  <span className="sr-only">Choose</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.retention} aria-current={p.retention === current ? "true" : undefined}>
                  <th scope="row">
                    {pct(p.retention)}
                    {p.retention === best?.retention && <span className="hint"> suggested</span>}
                    {p.retention === current && <span className="hint"> yours</span>}
                    {tag(p.retention) && <span className="hint warn-tag"> {tag(p.retention)}</span>}
                  </th>
                  <td>{minutesAndSeconds(p.minutesPerDay)}</td>
                  <td>
                    {forgottenInTen(p.retention)} when due
                    <span className="hint">
                      {forgotten(p)} of {total} after a year
                    </span>
                  </td>
                  <td>{p.retention !== current && <ApplyRetention group={group} retention={p.retention} label={names.label} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details className="advanced" data-testid="retention-advanced">
            <summary>Advanced: every value and how it is worked out</summary>
            <p className="hint">
              How much you remember is FSRS&apos;s <em>desired retention</em>: the chance of recalling a card on the day it is due. Each value is a simulation
              of {HORIZON_DAYS} days of {names.label} alone ({result.cards} studied and {result.newCards} new, coming up within your daily limit for new cards),
              with your parameters and your answer times ({habits.recallSeconds.toFixed(0)} s when you remember, {habits.forgetSeconds.toFixed(0)} s when you
              forget, {habits.learnSeconds.toFixed(0)} s for a new card). The suggestion is the value from {pct(RECOMMENDED_FLOOR[group])} to{" "}
              {pct(MAX_RECOMMENDED_RETENTION)} with the least review time per card remembered after a year.
            </p>
            <RetentionChart
              id={`workload-minutes-${group}`}
              title="Time a day"
              desc={`Average minutes of review a day for ${names.label} over the next year, by how much you choose to remember.`}
              points={result.points}
              value={(p) => p.minutesPerDay}
              unit="minutes"
              best={best?.retention ?? null}
              current={value}
            />
            <RetentionChart
              id={`workload-ratio-${group}`}
              title="Minutes per card remembered"
              desc="Total review minutes over the year divided by the cards expected to be remembered at its end."
              points={result.points}
              value={(p) => p.minutesPerMemorized}
              unit="minutes"
              best={best?.retention ?? null}
              current={value}
            />
            <div className="table-scroll">
              <table>
                <caption className="sr-only">The simulation of {names.label} for every value</caption>
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
                  {result.points.map((p) => (
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
      )}
    </section>
  );
}
