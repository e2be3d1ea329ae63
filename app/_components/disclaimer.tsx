import Link from "next/link";
import { disclaimerLines, getTiers, getWarningSigns } from "@/lib/content/warning-signs";
import { CHECK_PATH } from "@/lib/now/check";

// What to do, tier by tier, from content/warning-signs.yaml: one short line per tier.
export function Disclaimer() {
  const lines = disclaimerLines(getWarningSigns(), getTiers());
  return (
    <div className="disclaimer" role="note" aria-label="Medical disclaimer">
      <p>
        <strong>Not medical advice.</strong> Unknot teaches self-care; it does not replace a doctor, physiotherapist or pharmacist.
      </p>
      <ul className="disclaimer-tiers">
        {lines.map((l) => (
          <li key={l.tier} className={`tier-${l.tier}`}>
            {l.text}
          </li>
        ))}
      </ul>
      <p>
        {/* No prefetch: this link is on every page, and a prefetch of a route the build lacks never settles. */}
        <Link className="disclaimer-check" href={CHECK_PATH} prefetch={false}>
          Check the warning signs
        </Link>
      </p>
    </div>
  );
}
