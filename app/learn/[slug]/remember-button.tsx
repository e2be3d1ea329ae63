"use client";
import { useState } from "react";
import Link from "next/link";
import { rememberLessonAction } from "./actions";

// The lesson page is static and the same for everyone, so it carries both versions; CSS shows
// the one for the visitor (<html data-auth>, see lib/auth/display-cookie.ts).
export function RememberButton({ lessonSlug, primary = false }: { lessonSlug: string; primary?: boolean }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remember = async () => {
    setPending(true);
    setError(null);
    const res = await rememberLessonAction({ lessonSlug }).catch(() => ({ ok: false as const, error: "Could not reach the server. Please try again." }));
    setPending(false);
    if (!res.ok) return setError(res.error);
    setMessage(res.added ? `Added ${res.added} card${res.added === 1 ? "" : "s"} to your deck.` : "Already in your deck.");
  };

  return (
    <>
      <Link className="btn only-out" href={`/sign-in?callbackUrl=${encodeURIComponent(`/learn/${lessonSlug}`)}`}>
        Sign in to remember this lesson
      </Link>
      <span className="remember only-in">
        {/* Once pressed, the button says so: pressing it again would change nothing. */}
        <button type="button" className={`btn${primary && !message ? " primary" : ""}`} onClick={() => void remember()} disabled={pending || message !== null}>
          {pending ? "Adding…" : message ? "In your deck ✓" : "Remember this lesson"}
        </button>
        <span role="status" aria-live="polite" data-testid="remember-result">
          {message}
          {message && <> <Link href="/review">Review now</Link></>}
        </span>
        {error && <span className="field-error" role="alert">{error}</span>}
      </span>
    </>
  );
}
