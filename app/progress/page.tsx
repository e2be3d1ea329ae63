import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getDashboard, HEATMAP_WEEKS } from "@/lib/progress/queries";
import { getParameterStatus } from "@/lib/optimizer/jobs";
import { dailySeries, dayLabel } from "@/lib/progress/series";
import { formatPercent } from "@/lib/progress/retention";
import { TOPIC_LABELS } from "@/lib/content/schema";
import { heatmapCounts } from "@/lib/progress/heatmap";
import { BarChart, Heatmap } from "./_components/charts";
import { OptimizePanel } from "./_components/optimize-panel";
import { StreakStats } from "@/app/_components/streak-stat";
import { MasteryList } from "@/app/_components/mastery-list";
import { getLessonMastery } from "@/lib/learn/mastery";
import { settingsOf } from "@/lib/settings";
import { SAFETY_MAX_INTERVAL_DAYS } from "@/lib/srs/safety";
import "./progress.css";

export const metadata: Metadata = { title: "Progress" };
export const dynamic = "force-dynamic";

const BAR_DAYS = 30;

const minutes = (ms: number) => Math.round(ms / 60_000);
const score = (s: { score: number; total: number } | null) => (s ? `${s.score}/${s.total}` : "–");

export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const now = new Date();
  const dashboard = getDashboard(user, now);
  // The lesson levels take their card tally from the dashboard's deck statement.
  const [d, params, mastery, settings] = await Promise.all([
    dashboard,
    getParameterStatus(user),
    dashboard.then((dash) => getLessonMastery(user, now, { tallies: dash.deckTallies })),
    settingsOf(user),
  ]);
  const bars = dailySeries(d.reviewsByDay, d.today - BAR_DAYS + 1, d.today);
  const easyMark = (l: string) => (l === "minimum" ? " (day off)" : l === "reduced" ? " (light day)" : "");
  const forecastBars = d.forecast.map((f) => ({ key: f.offset, label: (f.offset === 0 ? "Today" : dayLabel(f.day)) + easyMark(f.level), value: f.count }));
  // The coming week's easy days (settings, "Even days and easy days"): even days keep reviews off them.
  const easyWeek = d.forecast.slice(0, 7).filter((f) => f.level !== "normal");
  const s = d.cardsByState;
  const doneIn30 = bars.reduce((n, b) => n + b.count, 0);

  return (
    <>
      <h1>Your progress</h1>

      <section aria-labelledby="today-h">
        <h2 id="today-h">Today</h2>
        <div className="stats">
          <div className="stat">
            <b data-testid="due-now">{d.dueNow}</b> due today <span className="hint">(as on the review page)</span>
          </div>
          <StreakStats streak={d.streak} testId="streak" />
          <div className="stat">
            <b data-testid="done-today">{d.doneToday}</b> reviews done today
          </div>
          <div className="stat">
            <b data-testid="new-today">{d.newToday}</b> new cards learned
          </div>
          <div className="stat">
            <b data-testid="minutes-today">{minutes(d.msToday)}</b> minutes spent
          </div>
        </div>
        <p className="notice" data-testid="safety-recall">
          {d.safetyRecall.meanRecall != null ? (
            <>
              You would recall <b>{formatPercent(d.safetyRecall.meanRecall, 0)}</b> of the warning signs today{" "}
              <span className="hint">
                ({d.safetyRecall.studied} warning-sign {d.safetyRecall.studied === 1 ? "card" : "cards"} studied; your target for them is{" "}
                {formatPercent(settings.safetyRetention, 0)}, and they come back at least every {SAFETY_MAX_INTERVAL_DAYS} days)
              </span>
              .
            </>
          ) : (
            <>
              Learn the warning signs (
              <Link prefetch={false} href="/learn">
                when to see a doctor
              </Link>
              ) and this shows how many of them you would recall today.
            </>
          )}
        </p>
        {d.dueNow > 0 && (
          <p>
            <Link prefetch={false} className="btn primary big" href="/review">
              Review {d.dueNow} now
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="activity-h">
        <h2 id="activity-h">Activity</h2>
        <BarChart
          id="reviews-chart"
          title={`Reviews per day, last ${BAR_DAYS} days`}
          valueLabel="reviews"
          desc={`${doneIn30} reviews over the last ${BAR_DAYS} days, ${d.doneToday} of them today.`}
          bars={bars.map((b) => ({ key: b.day, label: dayLabel(b.day), value: b.count }))}
        />
        <Heatmap counts={heatmapCounts(d.reviewsByDay, d.today, HEATMAP_WEEKS)} />
      </section>

      <section aria-labelledby="forecast-h">
        <h2 id="forecast-h">Coming up</h2>
        <BarChart
          id="forecast-chart"
          from="start"
          title="Cards due on each of the next 30 days"
          valueLabel="cards due"
          desc={`${d.forecast[0]?.count ?? 0} due today (overdue included), ${d.forecast.reduce((n, f) => n + f.count, 0)} over 30 days. New cards not counted.`}
          bars={forecastBars}
        />
        {easyWeek.length > 0 && (
          <p className="hint" data-testid="easy-week">
            Lighter days this week: {easyWeek.map((f) => `${f.offset === 0 ? "today" : dayLabel(f.day)}${easyMark(f.level)}`).join(", ")}. Reviews are spread to
            the days around them.
          </p>
        )}
      </section>

      <section aria-labelledby="memory-h">
        <h2 id="memory-h">Memory</h2>
        <div className="stats">
          <div className="stat">
            <b data-testid="true-retention">{formatPercent(d.retention.ratio)}</b> remembered when due
            <span className="hint">
              {" "}
              last {d.retention.windowDays} days, {d.retention.total} reviews; your target is {formatPercent(d.retention.desired, 0)}
            </span>
          </div>
          <div className="stat">
            <b>{s.new}</b> not started
          </div>
          <div className="stat">
            <b>{s.learning + s.relearning}</b> being learned <span className="hint">(new or forgotten, seen again within minutes)</span>
          </div>
          <div className="stat">
            <b>{s.review}</b> learned <span className="hint">(back after days)</span>
          </div>
          <div className="stat">
            <b data-testid="mature">{s.mature}</b> well known <span className="hint">(remembered for 3 weeks or more)</span>
          </div>
          <div className="stat">
            <b data-testid="leeches">{d.leeches}</b>{" "}
            <Link prefetch={false} href="/cards?flag=leech">
              keep being forgotten
            </Link>
          </div>
          <div className="stat">
            <b data-testid="suspended">{d.suspended}</b>{" "}
            <Link prefetch={false} href="/cards?flag=suspended">
              set aside
            </Link>{" "}
            <span className="hint">(suspended)</span>
          </div>
        </div>
        <details className="advanced">
          <summary>Advanced: the FSRS terms</summary>
          <ul className="hint">
            <li>
              <b>True retention</b> ({formatPercent(d.retention.ratio)}): the share of reviews of learned cards not answered “Again”.
            </li>
            <li>
              <b>Learning, review, relearning</b> ({s.learning}, {s.review}, {s.relearning}): a card&apos;s state; relearning cards were forgotten and are being
              learned again.
            </li>
            <li>
              <b>Stability</b>: how many days a card stays 90% likely to be remembered; <b>mature</b> cards have a stability of 21 days or more.
            </li>
            <li>
              <b>Leech</b>: a card forgotten again and again ({d.leeches} now); rereading its lesson helps more than more reviews.
            </li>
            <li>
              <b>Recall</b> (in the lessons table): the chance of remembering a card right now, estimated by FSRS
              {d.personalWeights ? " with your personal parameters" : ""}; new cards are not included.
            </li>
          </ul>
        </details>
      </section>

      <section aria-labelledby="levels-h">
        <h2 id="levels-h">Lesson levels</h2>
        <p className="muted">
          Not started, Read, Familiar (quiz passed: 7 in 10 right), Proficient (all its cards studied and recalled at your target), Mastered (every card
          remembered for 3 weeks or more). Longest streak: {d.streak.longest} days.
        </p>
        <MasteryList lessons={mastery} showNext />
      </section>

      <section aria-labelledby="lessons-h">
        <h2 id="lessons-h">By lesson</h2>
        <div className="table-scroll">
          <table className="lesson-table" data-testid="lesson-table">
            <thead>
              <tr>
                <th scope="col">Lesson</th>
                <th scope="col">Cards</th>
                <th scope="col">Recall</th>
                <th scope="col">Quiz best</th>
                <th scope="col">Quiz latest</th>
              </tr>
            </thead>
            <tbody>
              {d.lessons.map((l) => (
                <tr key={l.slug}>
                  <th scope="row">
                    <Link prefetch={false} href={`/learn/${l.slug}`}>
                      {l.title}
                    </Link>
                    <br />
                    <span className="hint">{TOPIC_LABELS[l.topic]}</span>
                  </th>
                  <td>{l.recall.cards}</td>
                  <td>
                    {formatPercent(l.recall.meanRecall, 0)}
                    {l.recall.studied ? <span className="hint"> ({l.recall.studied} studied)</span> : null}
                  </td>
                  <td>{score(l.quiz.best)}</td>
                  <td>{score(l.quiz.latest)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="params-section-h">
        <h2 id="params-section-h">Your schedule</h2>
        <OptimizePanel initial={params} />
        <p className="muted">
          Days run from {String(d.rolloverHour).padStart(2, "0")}:00 to {String(d.rolloverHour).padStart(2, "0")}:00 in {d.timeZone} (change in{" "}
          <Link prefetch={false} href="/settings">
            settings
          </Link>
          ). Export your history or delete your account on the{" "}
          <Link prefetch={false} href="/account">
            account page
          </Link>
          .
        </p>
      </section>
    </>
  );
}
