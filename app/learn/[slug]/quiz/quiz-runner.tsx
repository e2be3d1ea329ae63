"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import type { QuizQuestion } from "@/lib/content/schema";
import type { SourceView } from "@/lib/content/sources";
import type { QuizResult } from "@/lib/learn/quiz";
import { newClientId } from "@/app/_components/client-id";
import { seededShuffle, shuffled } from "@/lib/learn/shuffle";
import { RememberButton } from "../remember-button";
import { SourceList } from "../sources";
import { submitQuizAction } from "./actions";
import { reached } from "../../../_components/reached";

// Citations travel resolved (title, kind, quote, link), so no file name reaches the browser.
export type QuizQuestionView = Omit<QuizQuestion, "card" | "sources"> & { sources: SourceView[] };

type NextLesson = { slug: string; title: string } | null;

// Where the score stands with the server: being stored (signed in), stored, not stored (a guest),
// or the request failed (signed in; the learner may send it again).
type Saving = "saving" | "saved" | "guest" | "failed";

// The score worked out in the browser from the answers the page carries: shown the moment the
// last answer is in, so nothing waits on (or moves after) the server's reply.
function scoreHere(lessonSlug: string, questions: QuizQuestionView[], picks: (string | null)[]): QuizResult {
  const answers = questions.map((x, i) => ({ questionId: x.id, chosen: picks[i] ?? "", correct: picks[i] === x.answer, answer: x.answer }));
  return { attemptId: null, lessonSlug, score: answers.filter((a) => a.correct).length, total: questions.length, answers, stored: false, replay: false };
}

export function QuizRunner({ lessonSlug, questions, nextLesson }: { lessonSlug: string; questions: QuizQuestionView[]; nextLesson: NextLesson }) {
  // The first question's choices come in an order fixed per question, the same in the server's
  // HTML and the first client render, so nothing moves when the page hydrates; the questions
  // not yet shown are shuffled afresh in the browser, and a retake shuffles them all.
  const [order, setOrder] = useState<string[][]>(() => questions.map((q) => seededShuffle(q.choices, q.id)));
  const [ready, setReady] = useState(false);
  const [index, setIndex] = useState(0);
  const [picks, setPicks] = useState<(string | null)[]>(() => questions.map(() => null));
  const [result, setResult] = useState<QuizResult | null>(null);
  const [saving, setSaving] = useState<Saving>("saving");
  const [error, setError] = useState<string | null>(null);
  // One id per run through the quiz: a retried or doubled submit is stored once.
  const clientId = useRef<string | null>(null);
  const legend = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const start = (keepFirst = false) => {
    setOrder((o) => questions.map((q, i) => (keepFirst && i === 0 ? o[0]! : shuffled(q.choices))));
    setReady(true);
    setIndex(0);
    setPicks(questions.map(() => null));
    setResult(null);
    setError(null);
    clientId.current = newClientId();
  };
  // eslint-disable-next-line react-hooks/set-state-in-effect, react-hooks/exhaustive-deps -- runs once, on mount
  useEffect(() => start(true), []);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const q = questions[index]!;
  const picked = picks[index] ?? null;
  const last = index === questions.length - 1;

  const pick = (choice: string) => {
    if (picked !== null || !ready) return;
    setPicks((p) => p.map((x, i) => (i === index ? choice : x)));
  };

  const submit = async () => {
    const run = (clientId.current ??= newClientId());
    // The header's signed-in hint (lib/auth/display-cookie.ts) says which notice will follow.
    const signedIn = document.documentElement.dataset.auth === "in";
    setResult(scoreHere(lessonSlug, questions, picks));
    setSaving(signedIn ? "saving" : "guest");
    setError(null);
    const res = await reached(
      submitQuizAction({
        lessonSlug,
        clientId: run,
        // Only answered questions are sent (the button appears once all are answered).
        answers: questions.flatMap((x, i) => {
          const chosen = picks[i];
          return chosen ? [{ questionId: x.id, chosen }] : [];
        }),
      }),
      "Could not reach the server. Press Save my score to try again; your answers will not be counted twice.",
    );
    // A retake started meanwhile has its own run.
    if (clientId.current !== run) return;
    if (!res.ok) {
      if (signedIn) {
        setSaving("failed");
        setError(res.error);
      }
      return;
    }
    setResult(res.result);
    setSaving(res.result.stored ? "saved" : "guest");
  };

  const next = () => {
    if (last) return void submit();
    setIndex(index + 1);
    requestAnimationFrame(() => legend.current?.focus());
  };

  if (result) {
    // The test ids mark the result once the server has answered; the screen itself does not
    // change then, as the saved notice already holds its place while the score is being stored.
    const settled = saving !== "saving";
    const savedNotice = (
      <p className="notice">
        Your score is saved.
        {result.score < result.total && (
          <>
            {" "}
            The card for each question you missed is now first in your{" "}
            <Link prefetch={false} href="/review">
              review queue
            </Link>
            .
          </>
        )}
      </p>
    );
    return (
      <section className="panel" aria-labelledby="quiz-result" data-testid={settled ? "quiz-result" : undefined} aria-busy={!settled}>
        <h2 id="quiz-result" ref={resultHeading} tabIndex={-1}>
          You scored{" "}
          <span data-testid={settled ? "quiz-score" : undefined}>
            {result.score} of {result.total}
          </span>
        </h2>
        <ol className="quiz-summary">
          {questions.map((x) => {
            const r = result.answers.find((a) => a.questionId === x.id);
            return (
              <li key={x.id} data-testid="quiz-mark">
                {r?.correct ? <span className="mark mark-right">✓ Right</span> : <span className="mark mark-wrong">✗ Wrong</span>}
                {x.question}
                {!r?.correct && r && <span className="muted"> (answer: {r.answer})</span>}
              </li>
            );
          })}
        </ol>
        <div className="stack" role="status">
          {saving === "saving" && <p className="notice">Saving your score…</p>}
          {(saving === "saving" || saving === "saved") && (
            <div className={saving === "saving" ? "stack-hidden" : undefined} aria-hidden={saving === "saving" ? true : undefined}>
              {savedNotice}
            </div>
          )}
          {saving === "failed" && (
            <div className="notice">
              <p className="form-error" role="alert">
                {error}
              </p>
              <button type="button" className="btn" onClick={() => void submit()}>
                Save my score
              </button>
            </div>
          )}
          {saving === "guest" && (
            <p className="notice">
              This score was not saved: you have no account yet.{" "}
              <Link prefetch={false} href={`/sign-up?callbackUrl=${encodeURIComponent(`/learn/${lessonSlug}/quiz`)}`}>
                Create a free account
              </Link>{" "}
              to keep your scores and turn missed questions into flashcards (already have one?{" "}
              <Link prefetch={false} href={`/sign-in?callbackUrl=${encodeURIComponent(`/learn/${lessonSlug}/quiz`)}`}>
                Sign in
              </Link>
              ).
            </p>
          )}
        </div>
        <div className="btn-row">
          <RememberButton lessonSlug={lessonSlug} primary />
          {nextLesson ? (
            <Link prefetch={false} className="btn" href={`/learn/${nextLesson.slug}`}>
              Next lesson: {nextLesson.title}
            </Link>
          ) : (
            <Link prefetch={false} className="btn" href="/review">
              Go to your review
            </Link>
          )}
        </div>
        <div className="btn-row">
          <button type="button" className="btn" onClick={() => start()}>
            Retake the quiz
          </button>
          <Link prefetch={false} className="btn" href={`/learn/${lessonSlug}`}>
            Back to the lesson
          </Link>
        </div>
      </section>
    );
  }

  const choices = order[index] ?? q.choices;
  return (
    <section className="panel quiz-question" aria-label="Quiz" data-testid="quiz-question" data-question-id={q.id}>
      <p className="muted">
        Question {index + 1} of {questions.length}
      </p>
      <h2 className="prompt" ref={legend} tabIndex={-1} data-testid="quiz-prompt">
        {q.question}
      </h2>
      <ul className="choices" role="list">
        {choices.map((c) => (
          <li key={c}>
            <button
              type="button"
              className={`btn ${picked !== null && c === q.answer ? "choice-correct" : ""} ${c === picked && c !== q.answer ? "choice-wrong" : ""}`}
              aria-pressed={c === picked}
              aria-disabled={picked !== null && c !== picked ? true : undefined}
              disabled={!ready}
              onClick={() => pick(c)}
            >
              {c}
            </button>
          </li>
        ))}
      </ul>
      {picked !== null && (
        <div className="answer" data-testid="quiz-feedback" role="status">
          <p>
            <strong className={`mark ${picked === q.answer ? "mark-right" : "mark-wrong"}`}>{picked === q.answer ? "✓ Right." : "✗ Not quite."}</strong>{" "}
            {picked === q.answer ? (
              ""
            ) : (
              <>
                The answer is: <strong>{q.answer}</strong>
              </>
            )}
          </p>
          <p>{q.explanation}</p>
          <div className="sources">
            <p className="sources-title">Source{q.sources.length === 1 ? "" : "s"}</p>
            <SourceList sources={q.sources} />
          </div>
        </div>
      )}
      {/* The review page's answer bar: on a phone it is fixed above the tab bar, so the next
          step is on screen in reach of a thumb whatever the explanation's length. */}
      {picked !== null && (
        <div className="answer-bar" data-testid="quiz-answer-bar">
          <button type="button" className="btn primary reveal" onClick={next} autoFocus>
            {last ? "See your score" : "Next question"}
          </button>
        </div>
      )}
    </section>
  );
}
