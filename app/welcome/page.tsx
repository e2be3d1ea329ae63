import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getLessons } from "@/lib/content/load";
import { readingMinutes } from "@/lib/content/schema";

export const metadata: Metadata = { title: "Welcome" };
export const dynamic = "force-dynamic";

// Where sign-up lands: one obvious first step, the first lesson.
export default async function WelcomePage() {
  const user = await requireUser("/welcome");
  const first = getLessons()[0]!;
  return (
    <section className="welcome" aria-labelledby="welcome-h">
      <h1 id="welcome-h">Welcome{user.name ? `, ${user.name}` : ""}</h1>
      <p>Three steps, about ten minutes, and you can stop at any point:</p>
      <ol className="steps">
        <li>
          <strong>Read lesson 1</strong>, &ldquo;{first.title}&rdquo;.
        </li>
        <li>
          <strong>Take its quiz.</strong> A question you miss becomes a flashcard.
        </li>
        <li>
          <strong>Remember the lesson</strong> and do your first reviews. We show you how the four answer buttons work first.
        </li>
      </ol>
      <div className="btn-row">
        <Link className="btn primary big" href={`/learn/${first.slug}`}>
          Start lesson 1 ({readingMinutes(first)} min)
        </Link>
      </div>
      <p className="muted">Your deck is empty until you choose a lesson to remember.</p>
    </section>
  );
}
