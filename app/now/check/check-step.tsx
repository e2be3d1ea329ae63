import { notFound } from "next/navigation";
import { getSourceRecords } from "@/lib/content/load";
import { resolveSources } from "@/lib/content/sources";
import { answer, stepHref } from "@/lib/now/check";
import { SourceList } from "@/app/learn/[slug]/sources";
import { NotADiagnosis } from "../not-a-diagnosis";
import { checkQuestions } from "./questions";

const TIER_GROUP = { emergency: "Emergency signs", urgent: "Same-day signs", gp: "Signs to see a GP about" } as const;

// One question of the check, a page of its own: "Yes" and "No" are plain links to the next
// page, so the check works without JavaScript and every step is prerendered and precached.
export function CheckStep({ step }: { step: number }) {
  const questions = checkQuestions();
  const sign = questions[step - 1];
  if (!sign) notFound();
  const yes = stepHref(answer(questions, step, true));
  const no = stepHref(answer(questions, step, false));
  const back = step === 1 ? "/now" : stepHref({ kind: "question", step: step - 1 });
  return (
    <article className="check" data-testid="check-step" data-sign={sign.id} data-tier={sign.tier}>
      <p className="muted check-progress">
        Warning-sign check · {TIER_GROUP[sign.tier]} · question {step} of {questions.length}
      </p>
      <progress max={questions.length} value={step - 1} aria-label={`Question ${step} of ${questions.length}`} />
      <h1 className="check-question">{sign.question}</h1>
      {sign.appliesTo !== "everyone" && <p className="muted">This one is for: {sign.appliesTo}.</p>}
      <div className="yes-no">
        {/* Plain anchors, not next/link: each answer is a full page load, which the service worker answers offline. */}
        <a className="btn big answer-yes" href={yes} data-testid="answer-yes">
          Yes
        </a>
        <a className="btn big answer-no" href={no} data-testid="answer-no">
          No
        </a>
      </div>
      <p className="muted">Not sure? Answer yes.</p>
      <NotADiagnosis />
      <p>
        <a href={back}>Back</a> · <a href="/now">In pain now?</a>
      </p>
      <details className="sources">
        <summary>Why this question (sources)</summary>
        <SourceList
          sources={resolveSources(
            sign.guidance.map((g) => ({ guidance: g })),
            getSourceRecords(),
          )}
        />
      </details>
    </article>
  );
}
