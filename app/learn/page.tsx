import type { Metadata } from "next";
import Link from "next/link";
import { getPageUser } from "@/lib/auth/session";
import { getLessons } from "@/lib/content/load";
import { readingMinutes, TOPIC_LABELS, TOPICS } from "@/lib/content/schema";
import { getLessonProgress, type LessonProgress } from "@/lib/learn/progress";
import { getLessonMastery, type LessonMastery } from "@/lib/learn/mastery";
import { MasteryMeter } from "@/app/_components/mastery-list";

export const metadata: Metadata = { title: "Lessons" };
// Dynamic for the signed-in badges; the lesson pages themselves stay static.
export const dynamic = "force-dynamic";

function Badges({ p, m }: { p: LessonProgress | undefined; m: LessonMastery | undefined }) {
  if (!p) return m ? <MasteryLine m={m} /> : null;
  return (
    <>
      {m && <MasteryLine m={m} />}
      <p className="badges" data-testid="lesson-badges">
        {p.done ? <span className="badge badge-done">Done</span> : <span className="badge">Quiz not taken</span>}
        <span className="badge">
          In deck: {p.cardsInDeck} of {p.cardsTotal}
        </span>
        {p.best && (
          <span className="badge">
            Best quiz score: {p.best.score}/{p.best.total}
          </span>
        )}
      </p>
    </>
  );
}

function MasteryLine({ m }: { m: LessonMastery }) {
  return (
    <p data-testid="lesson-level" data-level={m.level}>
      <MasteryMeter m={m} />
    </p>
  );
}

export default async function LearnPage() {
  const user = await getPageUser("/learn");
  const progress = user ? await getLessonProgress(user.id) : null;
  const mastery = user && progress ? new Map((await getLessonMastery(user, new Date(), { progress })).map((m) => [m.slug, m])) : null;
  const lessons = getLessons();
  return (
    <>
      <h1>Lessons</h1>
      <p className="muted">
        Short lessons built from a handful of articles on back spasms, each with a quiz.
        {user ? " A lesson is marked done once you have taken its quiz." : " Sign in to keep your quiz scores and add lessons to your review deck."}
      </p>
      {TOPICS.map((topic) => {
        const inTopic = lessons.filter((l) => l.topic === topic);
        if (!inTopic.length) return null;
        return (
          <section key={topic} aria-labelledby={`topic-${topic}`}>
            <h2 id={`topic-${topic}`}>{TOPIC_LABELS[topic]}</h2>
            <ul className="lesson-list">
              {inTopic.map((l) => (
                <li key={l.slug} className="panel" data-testid={`lesson-${l.slug}`}>
                  <h3 className="lesson-title">
                    <Link prefetch={false} href={`/learn/${l.slug}`}>
                      {l.title}
                    </Link>
                  </h3>
                  <p>{l.summary}</p>
                  <p className="muted lesson-meta">
                    {readingMinutes(l)} min read · {l.quiz.length}-question quiz
                  </p>
                  {progress && <Badges p={progress[l.slug]} m={mastery?.get(l.slug)} />}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
