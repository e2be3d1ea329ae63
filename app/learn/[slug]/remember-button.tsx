"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { rememberLessonAction } from "./actions";
import { rememberedMessage } from "./remembered-message";
import { reached } from "../../_components/reached";

// The lesson page is static and the same for everyone, so it carries both versions; CSS shows
// the one for the visitor (<html data-auth>, see lib/auth/display-cookie.ts).
export function RememberButton({ lessonSlug, primary = false }: { lessonSlug: string; primary?: boolean }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const next = useRef<HTMLAnchorElement>(null);
  // The pressed button is gone: focus moves to the button that replaced it.
  useEffect(() => {
    if (message) next.current?.focus();
  }, [message]);

  const remember = async () => {
    setPending(true);
    setError(null);
    const res = await reached(rememberLessonAction({ lessonSlug }));
    setPending(false);
    if (!res.ok) return setError(res.error);
    setMessage(rememberedMessage(res.added, res.newPerDay));
  };

  return (
    <>
      {/* A visitor has no account yet: the way in is signing up (the sign-up page links to sign in). */}
      <Link className={`btn only-out${primary ? " primary" : ""}`} href={`/sign-up?callbackUrl=${encodeURIComponent(`/learn/${lessonSlug}`)}`}>
        Sign up to remember this lesson
      </Link>
      <span className="remember only-in">
        {/* Once the cards are in the deck, pressing again would change nothing: the button gives
            its place to the one next step, a real button that opens the review. */}
        {message ? (
          <Link ref={next} className={`btn${primary ? " primary" : ""}`} href="/review" data-testid="review-now">
            Review now
          </Link>
        ) : (
          <button type="button" className={`btn${primary ? " primary" : ""}`} onClick={() => void remember()} disabled={pending}>
            {pending ? "Adding…" : "Remember this lesson"}
          </button>
        )}
        <span role="status" aria-live="polite" data-testid="remember-result">
          {message}
        </span>
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </span>
    </>
  );
}
