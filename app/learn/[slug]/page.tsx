import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { marked } from "marked";
import { getLesson, getLessons, getSourceRecords } from "@/lib/content/load";
import { resolveSources, SOURCES_PATH } from "@/lib/content/sources";
import { readingMinutes, TOPIC_LABELS } from "@/lib/content/schema";
import { Disclaimer } from "@/app/_components/disclaimer";
import { Illustration } from "@/app/_components/illustration";
import { lessonIllustrations } from "@/lib/now/illustrations";
import { ReadMarker } from "./read-marker";
import { RememberButton } from "./remember-button";
import { SourceList } from "./sources";
import { ReadAloud } from "./read-aloud";
import { spokenSections } from "@/lib/learn/read-aloud";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getLessons().map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

// Lesson bodies are our own reviewed content, so their Markdown is rendered as trusted HTML.
const toHtml = (markdown: string) => marked.parse(markdown, { async: false });

export default async function LessonPage({ params }: Props) {
  const lesson = getLesson((await params).slug);
  if (!lesson) notFound();
  return (
    <article className="lesson">
      <p className="muted">
        <Link prefetch={false} href="/learn">
          Lessons
        </Link>{" "}
        · {TOPIC_LABELS[lesson.topic]}
      </p>
      <h1>{lesson.title}</h1>
      <p className="muted lesson-meta">{readingMinutes(lesson)} min read</p>
      <Disclaimer />
      <p className="lead">{lesson.summary}</p>
      <ReadAloud sections={spokenSections(lesson.sections)} />
      <nav aria-label="In this lesson" className="toc">
        <ol>
          {lesson.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.heading}</a>
            </li>
          ))}
        </ol>
      </nav>
      {lesson.sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id}>{s.heading}</h2>
          {lessonIllustrations(lesson.slug, s.id).length > 0 && (
            <div className="figures">
              {lessonIllustrations(lesson.slug, s.id).map((id) => (
                <Illustration key={id} id={id} />
              ))}
            </div>
          )}
          <div className="prose" dangerouslySetInnerHTML={{ __html: toHtml(s.body) }} />
          <details className="sources">
            <summary>Sources ({s.sources.length})</summary>
            <SourceList sources={resolveSources(s.sources, getSourceRecords())} />
          </details>
        </section>
      ))}
      <p className="muted">
        Where each claim comes from, and how far to trust it:{" "}
        <Link prefetch={false} href={SOURCES_PATH}>
          about our sources
        </Link>
        .
      </p>
      <ReadMarker lessonSlug={lesson.slug} />
      <div className="btn-row lesson-actions">
        <Link prefetch={false} className="btn primary" href={`/learn/${lesson.slug}/quiz`}>
          Take the quiz
        </Link>
        <RememberButton lessonSlug={lesson.slug} />
      </div>
    </article>
  );
}
