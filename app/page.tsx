import Link from "next/link";

export default function HomePage() {
  return (
    <>
      <h1>Back-spasm self-care that sticks</h1>
      <p>
        Unknot teaches what to do when your back seizes up: what causes a spasm, when to use cold and when heat, how to sit
        and sleep, and when to see a doctor. Each short lesson ends with a quiz, and the key facts come back as flashcards
        scheduled by FSRS, the algorithm Anki uses, so you still know them when you need them.
      </p>
      <div className="btn-row">
        <Link className="btn primary" href="/learn">Start learning</Link>
        <Link className="btn" href="/sign-up">Create an account</Link>
        <Link className="btn" href="/review">Today&apos;s review</Link>
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
