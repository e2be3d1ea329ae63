import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { settingsOf } from "@/lib/settings";
import { RETENTION_FIELD, RETENTION_GROUPS } from "@/lib/settings/schema";
import { getWorkload } from "@/lib/srs/workload-jobs";
import { GroupDecision, GROUP_NAMES } from "./group-decision";
import { RefreshWhileRunning } from "./refresh";
import "./retention.css";

export const metadata: Metadata = { title: "Help me decide: how much to remember" };
export const dynamic = "force-dynamic";

const pct = (r: number) => `${Math.round(r * 100)}%`;

// Help me decide, per group: the warning signs and the rest each have their own desired
// retention (lib/settings), their own simulation (lib/srs/workload-jobs.ts) and their own
// one-tap choice.
export default async function RetentionPage() {
  const user = await requireUser("/settings/retention");
  const [settings, view] = await Promise.all([settingsOf(user), getWorkload(user.id)]);
  return (
    <div className="retention-page">
      <h1>Help me decide: how much to remember</h1>
      <p>
        The higher you set it, the more of your cards you remember when they come up, and the more time reviews take. The warning signs and the rest of your
        cards each have their own value. Here is what each choice would cost you over the next year, worked out from your own cards, your new-card limit (
        {settings.newCardsPerDay} a day) and how long you take to answer. Tap <b>Use</b> to choose a value, or{" "}
        <Link href="/settings">change either in settings</Link>.
      </p>
      {view.status === "running" ? (
        <>
          <ul className="retention-groups" data-testid="retention-groups">
            {RETENTION_GROUPS.map((g) => (
              <li key={g}>
                {GROUP_NAMES[g].title}: <strong>{pct(settings[RETENTION_FIELD[g]])}</strong>
              </li>
            ))}
          </ul>
          <RefreshWhileRunning />
          <p role="status" aria-live="polite">
            Working it out… {view.done} of {view.total} choices done.
          </p>
          <progress max={view.total} value={view.done} aria-label="Simulation progress" />
        </>
      ) : (
        RETENTION_GROUPS.map((g) => <GroupDecision key={g} group={g} value={settings[RETENTION_FIELD[g]]} result={view.groups[g]} habits={view.habits} />)
      )}
    </div>
  );
}
