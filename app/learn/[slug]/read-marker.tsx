"use client";
import { useEffect, useRef } from "react";
import { markLessonReadAction } from "./actions";

// Marks the lesson read for a signed-in learner once its end has been on screen (the "Read"
// mastery level). A visitor sends nothing; a failure is left silent: reading is not a task.
export function ReadMarker({ lessonSlug }: { lessonSlug: string }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = end.current;
    if (!el || document.documentElement.dataset.auth !== "in" || typeof IntersectionObserver === "undefined") return;
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      void markLessonReadAction({ lessonSlug }).catch(() => undefined);
    });
    seen.observe(el);
    return () => seen.disconnect();
  }, [lessonSlug]);
  return <div ref={end} aria-hidden="true" className="lesson-end" data-testid="lesson-end" />;
}
