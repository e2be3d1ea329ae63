"use client";
import { useEffect, useState } from "react";
import { lessonSlugOf } from "@/lib/pwa/offline-routes";

type LessonLink = { slug: string; title: string; topic: string };

// Reads which lesson pages this browser's caches hold, so the list says which ones open now.
// Before that (or without Cache Storage) every lesson is listed, as the prerendered page has it.
async function savedSlugs(): Promise<Set<string>> {
  const slugs = new Set<string>();
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const slug = lessonSlugOf(request.url);
      if (slug) slugs.add(slug);
    }
  }
  return slugs;
}

export function SavedLessons({ lessons }: { lessons: LessonLink[] }) {
  const [saved, setSaved] = useState<Set<string> | null>(null);
  useEffect(() => {
    if (!("caches" in window)) return;
    savedSlugs().then(setSaved, () => setSaved(null));
  }, []);
  const shown = saved && saved.size > 0 ? lessons.filter((l) => saved.has(l.slug)) : lessons;
  return (
    <>
      {saved && saved.size > 0 && (
        <p className="muted" data-testid="saved-count">
          {saved.size} of {lessons.length} lessons are saved on this device.
        </p>
      )}
      <ul className="lesson-list" data-testid="offline-lessons">
        {shown.map((l) => (
          <li key={l.slug} className="panel">
            <h3 className="lesson-title">
              <a href={`/learn/${l.slug}`}>{l.title}</a>
            </h3>
            <p className="muted lesson-meta">
              {l.topic} · <a href={`/learn/${l.slug}/quiz`}>Quiz</a>
              {saved?.has(l.slug) && (
                <span className="badge" style={{ marginLeft: ".5rem" }}>
                  Saved
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
