import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSourceRecords } from "@/lib/content/load";
import { resolveSources } from "@/lib/content/sources";
import { signsOfTier, tierInfo } from "@/lib/content/warning-signs";
import { CHECK_PATH, isOutcome, OUTCOMES, type Outcome } from "@/lib/now/check";
import { SourceList } from "@/app/learn/[slug]/sources";
import { NotADiagnosis } from "../../../not-a-diagnosis";

type Props = { params: Promise<{ tier: string }> };

export const dynamicParams = false;
export function generateStaticParams() {
  return OUTCOMES.map((tier) => ({ tier }));
}

const HEADINGS: Record<Outcome, string> = {
  emergency: "Call 999 or go to A&E now",
  urgent: "Get help today: call NHS 111 or your GP",
  gp: "Book a GP appointment",
  "self-care": "Self-care is fine for now",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tier } = await params;
  return isOutcome(tier) ? { title: HEADINGS[tier] } : {};
}

function Actions({ tier }: { tier: Outcome }) {
  switch (tier) {
    case "emergency":
      return (
        <div className="result-actions">
          <a className="btn emergency big" href="tel:999" data-testid="call-999">
            Call 999
          </a>
        </div>
      );
    case "urgent":
      return (
        <div className="result-actions">
          <a className="btn warn big" href="tel:111" data-testid="call-111">
            Call NHS 111
          </a>
          <a className="btn big" href="https://111.nhs.uk/" rel="noopener">
            NHS 111 online
          </a>
        </div>
      );
    case "gp":
      return null;
    case "self-care":
      return (
        <div className="result-actions">
          <a className="btn primary big" href="/now">
            Back to what helps now
          </a>
        </div>
      );
  }
}

// The end of the check: one page per tier, prerendered, with what to do first and the
// guidance it comes from. Plain links only, so it works offline and without JavaScript.
export default async function CheckResult({ params }: Props) {
  const { tier } = await params;
  if (!isOutcome(tier)) notFound();
  const info = tierInfo(tier);
  return (
    <article className={`check-result result-${tier}`} data-testid="check-result" data-tier={tier}>
      <h1>{HEADINGS[tier]}</h1>
      <Actions tier={tier} />
      <NotADiagnosis />
      <p className="lead">{info.action}</p>
      {tier === "gp" && (
        <section aria-labelledby="what-to-say">
          <h2 id="what-to-say">What to say when you book</h2>
          <p>Say how long you have had the pain, what you have tried, and which of these you have:</p>
          <ul>
            {signsOfTier("gp")
              .filter((s) => s.check)
              .map((s) => (
                <li key={s.id}>{s.list}</li>
              ))}
          </ul>
          <p>
            <a className="btn" href="/now">
              What helps while you wait
            </a>
          </p>
        </section>
      )}
      {tier === "self-care" && (
        <section aria-labelledby="check-again">
          <h2 id="check-again">When to check again</h2>
          <p>Run this check again whenever something new appears, and if the pain is not easing with self-care.</p>
          <p>
            <a className="btn" href={CHECK_PATH}>
              Check again
            </a>
          </p>
        </section>
      )}
      <section className="sources result-sources" aria-labelledby="where-from">
        <h2 id="where-from">Where this comes from</h2>
        <SourceList
          sources={resolveSources(
            info.guidance.map((g) => ({ guidance: g })),
            getSourceRecords(),
          )}
        />
      </section>
      <p>
        <a href={CHECK_PATH}>Start the check again</a> · <a href="/now">In pain now?</a>
      </p>
    </article>
  );
}
