import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLesson, getLessons, getSourceRecords } from "@/lib/content/load";
import { resolveSources } from "@/lib/content/sources";
import { QuizRunner, type QuizQuestionView } from "./quiz-runner";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getLessons().map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).slug);
  return lesson ? { title: `Quiz: ${lesson.title}` } : {};
}

export default async function QuizPage({ params }: Props) {
  const lesson = getLesson((await params).slug);
  if (!lesson) notFound();
  // The answers travel with the page so that feedback is instant; the stored score is
  // worked out again on the server from the content, never taken from the browser.
  const lessons = getLessons();
  const next = lessons[lessons.findIndex((l) => l.slug === lesson.slug) + 1];
  const questions: QuizQuestionView[] = lesson.quiz.map(({ id, question, choices, answer, explanation, sources }) => ({
    id,
    question,
    choices,
    answer,
    explanation,
    sources: resolveSources(sources, getSourceRecords()),
  }));
  return (
    <>
      <p className="muted">
        <Link prefetch={false} href="/learn">
          Lessons
        </Link>{" "}
        ·{" "}
        <Link prefetch={false} href={`/learn/${lesson.slug}`}>
          {lesson.title}
        </Link>
      </p>
      <h1>Quiz: {lesson.title}</h1>
      <QuizRunner lessonSlug={lesson.slug} questions={questions} nextLesson={next ? { slug: next.slug, title: next.title } : null} />
    </>
  );
}
