import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { getSettings } from "@/lib/srs/user-settings";
import { getWorkload } from "@/lib/srs/workload-jobs";
import { HORIZON_DAYS } from "@/lib/srs/workload";
import { RetentionChart } from "./retention-chart";
import { RefreshWhileRunning } from "./refresh";

export const metadata: Metadata = { title: "Help me decide: desired retention" };
export const dynamic = "force-dynamic";

const pct = (r: number) => `${Math.round(r * 100)}%`;
// Small decks need a few minutes a week, not a day: keep two digits below one.
const mins = (m: number) => (m < 1 ? m.toFixed(2) : m.toFixed(1));

export default async function RetentionPage() {
  const user = await requireUser("/settings/retention");
  const [settings, view] = await Promise.all([getSettings(user.id), getWorkload(user.id)]);
  return (
    <>
      <h1>Help me decide: desired retention</h1>
      <p>
        A simulation of your next {HORIZON_DAYS} days of reviews for each desired retention from 70% to 97%, with your own deck, your parameters, your
        new-card limit ({settings.newCardsPerDay} a day) and your own answer times. Higher retention means remembering more, at the cost of more reviews.
      </p>
      <p><Link href="/settings">Back to settings</Link> (your desired retention is {pct(settings.desiredRetention)}).</p>
      {view.status === "running" ? (
        <>
          <RefreshWhileRunning />
          <p role="status" aria-live="polite">Simulating… {view.done} of {view.total} retention values done.</p>
          <progress max={view.total} value={view.done} aria-label="Simulation progress" />
        </>
      ) : (
        <>
          {view.best && (
            <p className="notice" role="status">
              Least work per card remembered: <strong>{pct(view.best.retention)}</strong> ({mins(view.best.minutesPerDay)} minutes and{" "}
              {view.best.reviewsPerDay.toFixed(1)} reviews a day on average; about {Math.round(view.best.memorized)} cards remembered after a year).
              Above it each extra point of retention costs more than it gives; choose higher if remembering more is worth the time to you.
            </p>
          )}
          <RetentionChart id="workload-minutes" title="Minutes of review a day" desc="Average minutes a day over the next year, by desired retention."
            points={view.points} value={(p) => p.minutesPerDay} unit="minutes" best={view.best?.retention ?? null} current={settings.desiredRetention} />
          <RetentionChart id="workload-ratio" title="Minutes per card remembered" desc="Total review minutes over the year divided by the cards expected to be remembered at its end."
            points={view.points} value={(p) => p.minutesPerMemorized} unit="minutes" best={view.best?.retention ?? null} current={settings.desiredRetention} />
          <table>
            <caption>The simulation by desired retention ({view.cards} cards studied, {view.newCards} new; answers take {view.habits.recallSeconds.toFixed(0)} s when recalled, {view.habits.forgetSeconds.toFixed(0)} s when forgotten, {view.habits.learnSeconds.toFixed(0)} s for a new card)</caption>
            <thead>
              <tr><th scope="col">Retention</th><th scope="col">Reviews a day</th><th scope="col">Minutes a day</th><th scope="col">Remembered after a year</th><th scope="col">Minutes per card remembered</th></tr>
            </thead>
            <tbody>
              {view.points.map((p) => (
                <tr key={p.retention} aria-current={p.retention === view.best?.retention ? "true" : undefined}>
                  <th scope="row">{pct(p.retention)}{p.retention === view.best?.retention ? " (least work)" : ""}</th>
                  <td>{p.reviewsPerDay.toFixed(1)}</td><td>{mins(p.minutesPerDay)}</td><td>{Math.round(p.memorized)}</td><td>{p.minutesPerMemorized.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
