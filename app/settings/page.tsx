import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { formSettings, settingsOf } from "@/lib/settings";
import { SettingsForm } from "./settings-form";
import { SessionControls } from "./session-controls";
import { ReschedulePanel } from "./reschedule-panel";
import { rescheduleStatus } from "@/lib/srs/reschedule";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { siteOrigin } from "@/lib/auth/site-origin";
import { getReminderOverview } from "@/lib/reminders/store";
import { formatMinute } from "@/lib/reminders/timing";
import { RemindersPanel } from "./reminders-panel";
import "./settings.css";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [settings, reschedule, reminders] = await Promise.all([settingsOf(user), rescheduleStatus(user), getReminderOverview(user.id)]);
  const config = env();
  return (
    <>
      <h1>Settings</h1>
      <p className="muted">Signed in as {user.email}. Changes apply to future scheduling only; cards already scheduled keep their dates.</p>
      <p>
        <Link prefetch={false} className="link-row" href="/account">
          Export your data or delete your account
        </Link>
      </p>
      <p>
        Not sure how much to remember?{" "}
        <Link prefetch={false} href="/settings/retention">
          Help me decide
        </Link>
        : see what each choice would cost you in time a day.
      </p>
      <p>
        Going away, or need a rest from reviews?{" "}
        <Link prefetch={false} href="/settings/away">
          I&apos;m away
        </Link>
        : name the days and your reviews wait until after.
      </p>
      <SettingsForm initial={formSettings(settings)} timeZones={Intl.supportedValuesOf("timeZone")} />
      <RemindersPanel
        vapidKey={config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY ? config.VAPID_PUBLIC_KEY : null}
        times={{ remindAt: formatMinute(reminders.remindAt), quietStart: formatMinute(reminders.quietStart), quietEnd: formatMinute(reminders.quietEnd) }}
        calendarToken={reminders.calendarToken}
        origin={siteOrigin(await headers())}
        devices={reminders.devices}
      />
      <ReschedulePanel personal={reschedule.personal} canUndo={reschedule.canUndo} />
      <SessionControls email={user.email} />
    </>
  );
}
