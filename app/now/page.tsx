import type { Metadata } from "next";
import Link from "next/link";
import { marked } from "marked";
import { getLesson, getSourceRecords } from "@/lib/content/load";
import { resolveSources } from "@/lib/content/sources";
import { getFlarePlan, timerRules, type FlareStep } from "@/lib/now/flare-plan";
import { CHECK_PATH } from "@/lib/now/check";
import { Illustration } from "@/app/_components/illustration";
import { SourceList } from "@/app/learn/[slug]/sources";
import { PackTimer } from "./pack-timer";
import { NotADiagnosis } from "./not-a-diagnosis";

export const metadata: Metadata = { title: "In pain now?", description: "What to do in the next hour of a back spasm, and a check of the warning signs." };
// The same for everyone: prerendered and precached by the service worker, so it opens offline.
export const dynamic = "force-static";

const toHtml = (markdown: string) => marked.parse(markdown, { async: false });

function MoreLinks({ step }: { step: FlareStep }) {
  return (
    <p className="now-more">
      More:{" "}
      {step.more.map((m, i) => {
        const lesson = getLesson(m.lesson);
        const section = lesson?.sections.find((s) => s.id === m.section);
        return (
          <span key={`${m.lesson}#${m.section}`}>
            {i > 0 && " · "}
            <Link prefetch={false} href={`/learn/${m.lesson}#${m.section}`}>
              {section?.heading ?? lesson?.title}
            </Link>
          </span>
        );
      })}
    </p>
  );
}

export default function NowPage() {
  const plan = getFlarePlan();
  const records = getSourceRecords();
  return (
    <article className="now">
      <h1>In pain now?</h1>
      <p className="lead">What to do in the next hour.</p>
      <div className="now-check-first">
        <p>Something feels different from an ordinary spasm? Check first:</p>
        <Link prefetch={false} className="btn warn big" href={CHECK_PATH}>
          Check the warning signs
        </Link>
      </div>
      <ol className="now-steps">
        {plan.steps.map((step) => (
          <li key={step.id} id={step.id} className="now-step">
            <h2>{step.heading}</h2>
            {step.illustrations.length > 0 && (
              <div className="figures">
                {step.illustrations.map((id) => (
                  <Illustration key={id} id={id} />
                ))}
              </div>
            )}
            <div className="prose" dangerouslySetInnerHTML={{ __html: toHtml(step.body) }} />
            {step.id === "heat-or-cold" && (
              <>
                <PackTimer rules={timerRules(plan)} />
                <noscript>
                  <p className="notice">The timer needs JavaScript. Set a timer on your phone for 10 to 20 minutes instead.</p>
                </noscript>
              </>
            )}
            <MoreLinks step={step} />
            <details className="sources">
              <summary>Sources ({step.sources.length})</summary>
              <SourceList sources={resolveSources(step.sources, records)} />
            </details>
          </li>
        ))}
      </ol>
      <div className="now-check-last">
        <Link prefetch={false} className="btn warn big" href={CHECK_PATH}>
          Check the warning signs
        </Link>
        <NotADiagnosis />
      </div>
    </article>
  );
}
