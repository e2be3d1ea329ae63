import Link from "next/link";
import { getPageUser } from "@/lib/auth/session";
import { getStudySummary, type StudySummary } from "@/lib/progress/summary";
import { StreakStats } from "@/app/_components/streak-stat";
import { MasteryList } from "@/app/_components/mastery-list";

// Personal when signed in (due today, streak, the next lesson and one button that starts the
// right thing), so it is rendered per request: the header and this page never change after load.
export const dynamic = "force-dynamic";

// The first button on the home page, signed in or out: the flare plan.
function InPainButton() {
  return (
    <Link prefetch={false} className="btn warn big" href="/now" data-testid="home-in-pain">
      In pain now?
    </Link>
  );
}

function NextStep({ s }: { s: StudySummary }) {
  if (s.dueToday > 0) {
    return (
      <Link prefetch={false} className="btn primary big" href="/review">
        Review {s.dueToday} card{s.dueToday === 1 ? "" : "s"}
      </Link>
    );
  }
  if (s.nextLesson) {
    return (
      <Link prefetch={false} className="btn primary big" href={`/learn/${s.nextLesson.slug}`}>
        Start lesson {s.nextLesson.number} ({s.nextLesson.minutes} min)
      </Link>
    );
  }
  return (
    <Link prefetch={false} className="btn primary big" href="/review">
      Open today&apos;s review
    </Link>
  );
}

function PersonalHome({ name, s }: { name: string | null; s: StudySummary }) {
  return (
    <>
      {/* "Back" only for someone who has been here before: a deck or a day of reviews. */}
      <h1>{name ? `Hello, ${name}` : s.deckSize === 0 && s.streak.longest === 0 ? "Welcome" : "Welcome back"}</h1>
      <div className="stats home-stats">
        <div className="stat">
          <b data-testid="home-due">{s.dueToday}</b> due today
        </div>
        <StreakStats streak={s.streak} testId="home-streak" />
        <div className="stat">
          <b data-testid="home-done">{s.doneToday}</b> reviewed today
        </div>
      </div>
      <div className="btn-row">
        <InPainButton />
        <NextStep s={s} />
      </div>
      {s.nextLesson ? (
        <p>
          Next lesson:{" "}
          <Link prefetch={false} href={`/learn/${s.nextLesson.slug}`}>
            {s.nextLesson.title}
          </Link>{" "}
          ({s.nextLesson.minutes} min read, then a short quiz).
        </p>
      ) : (
        <p>You have taken every lesson&apos;s quiz. Your reviews keep the facts fresh.</p>
      )}
      {s.deckSize === 0 && <p className="muted">Your deck is empty. Read a lesson and press &ldquo;Remember this lesson&rdquo; to add its cards.</p>}
      <section aria-labelledby="levels-h">
        <h2 id="levels-h">Your lessons</h2>
        <MasteryList lessons={s.mastery} />
        <p className="hint">
          Each lesson goes from Read to Familiar (quiz passed), Proficient (its cards recalled at your target) and Mastered (every card remembered for 3 weeks).{" "}
          <Link prefetch={false} href="/progress#levels-h">
            What each next level takes
          </Link>
        </p>
      </section>
    </>
  );
}

export default async function HomePage() {
  const user = await getPageUser("/");
  if (user) return <PersonalHome name={user.name} s={await getStudySummary(user)} />;
  return (
    <>
      <h1>Back-spasm self-care that sticks</h1>
      <p>
        Unknot teaches what to do when your back seizes up: what causes a spasm, when to use cold and when heat, how to sit and sleep, and when to see a doctor.
        Each short lesson ends with a quiz, and the key facts come back as flashcards scheduled by FSRS, the algorithm Anki uses, so you still know them when
        you need them.
      </p>
      <div className="btn-row">
        <InPainButton />
        <Link prefetch={false} className="btn primary big" href="/sign-up">
          Create a free account
        </Link>
        <Link prefetch={false} className="btn" href="/learn">
          Read the lessons first
        </Link>
      </div>
      <h2>How it works</h2>
      <ol>
        <li>Read a lesson (3 to 6 minutes). Every fact links to the source it comes from.</li>
        <li>Take its quiz. A question you miss becomes a flashcard.</li>
        <li>Press &ldquo;Remember this lesson&rdquo; to add its cards, then review a few minutes a day.</li>
      </ol>
    </>
  );
}
