import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { getSettings } from "@/lib/srs/user-settings";
import { SettingsForm } from "./settings-form";
import { SessionControls } from "./session-controls";
import { ReschedulePanel } from "./reschedule-panel";
import { rescheduleStatus } from "@/lib/srs/reschedule";
import { getDeckSettings } from "@/lib/srs/deck-settings";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [settings, deck, reschedule] = await Promise.all([getSettings(user.id), getDeckSettings(user.id), rescheduleStatus(user.id)]);
  return (
    <>
      <h1>Settings</h1>
      <p className="muted">Signed in as {user.email}. Changes apply to future scheduling only; cards already scheduled keep their dates.</p>
      <p>
        <Link className="link-row" href="/account">
          Export your data or delete your account
        </Link>
      </p>
      <p>
        Not sure how much to remember? <Link href="/settings/retention">Help me decide</Link>: see what each choice would cost you in time a day.
      </p>
      <SettingsForm initial={settings} deck={deck} timeZones={Intl.supportedValuesOf("timeZone")} />
      <ReschedulePanel personal={reschedule.personal} canUndo={reschedule.canUndo} />
      <SessionControls email={user.email} />
    </>
  );
}
