"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ReminderTimesInput } from "@/lib/validation/reminders";
import { lazyResolver } from "../_components/lazy-resolver";
import type { ReminderTimes } from "@/lib/reminders/timing";
import { applicationServerKey, isIos, PUSH_SUPPORT_TEXT, pushSupport, type PushSupport } from "@/lib/pwa/push-support";
import { savedFields } from "../_components/saved-fields";
import { Field } from "../_components/field";
import { showFailure } from "../_components/form-errors";
import { regenerateCalendarAction, revokeCalendarAction, saveReminderTimesAction, subscribePushAction, unsubscribePushAction } from "./reminder-actions";
import { reached } from "../_components/reached";

type Props = {
  // The server's VAPID public key; null when push is not configured.
  vapidKey: string | null;
  times: { remindAt: string; quietStart: string; quietEnd: string };
  calendarToken: string | null;
  // The site's origin, for the calendar link.
  origin: string;
  // Devices (this one or others) with reminders on.
  devices: number;
};

type DeviceState = { kind: "checking" } | { kind: "unavailable"; why: Exclude<PushSupport, "available"> } | { kind: "off" } | { kind: "on"; endpoint: string };

// What the browser offers does not change while the page is open (a refused permission is
// tracked in state); the server renders "checking".
const noChange = () => () => undefined;

// The reminder times' schema loads with their first Save, not with the page (lazyResolver).
const timesResolver = lazyResolver(async () => zodResolver((await import("@/lib/validation/reminders")).reminderTimesSchema));

function detect(vapidKey: string | null): PushSupport {
  const nav = navigator as Navigator & { standalone?: boolean };
  return pushSupport({
    configured: vapidKey !== null,
    secure: window.isSecureContext,
    serviceWorker: "serviceWorker" in navigator,
    pushManager: "PushManager" in window,
    notifications: "Notification" in window,
    permission: "Notification" in window ? Notification.permission : "default",
    ios: isIos(navigator.userAgent, navigator.maxTouchPoints),
    standalone: window.matchMedia("(display-mode: standalone)").matches || nav.standalone === true,
  });
}

// "Reminders are off on this device", with its button.
function DeviceOff({ devices, busy, onTurnOn }: { devices: number; busy: boolean; onTurnOn: () => void }) {
  return (
    <>
      <p>Reminders are off on this device.{devices > 0 ? ` They are on for ${devices} other device${devices === 1 ? "" : "s"}.` : ""}</p>
      <button className="btn primary" type="button" disabled={busy} onClick={onTurnOn}>
        Turn on reminders on this device
      </button>
    </>
  );
}

export function RemindersPanel({ vapidKey, times, calendarToken, origin, devices }: Props) {
  // Without VAPID keys the answer is known on the server; otherwise the browser is asked.
  const support = useSyncExternalStore(
    noChange,
    () => detect(vapidKey),
    () => (vapidKey === null ? "not-configured" : null),
  );
  // undefined: not read yet; null: this browser has no subscription.
  const [subscription, setSubscription] = useState<{ endpoint: string } | null | undefined>(undefined);
  const [denied, setDenied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [pushError, setPushError] = useState<string | null>(null);
  const [token, setToken] = useState(calendarToken);
  const [saved, setSaved] = useState<string | null>(null);
  const [calendarError, setCalendarError] = useState<string | null>(null);

  useEffect(() => {
    if (support !== "available") return;
    // The registration, not `ready`: on a first visit the worker may still be installing
    // (filling its offline cache), and a subscription can be read meanwhile.
    navigator.serviceWorker
      .getRegistration("/")
      .then((reg) => reg?.pushManager.getSubscription() ?? null)
      .then((sub) => setSubscription(sub ? { endpoint: sub.endpoint } : null))
      .catch(() => setSubscription(null));
  }, [support]);

  const device: DeviceState =
    support === null
      ? { kind: "checking" }
      : denied
        ? { kind: "unavailable", why: "denied" }
        : support !== "available"
          ? { kind: "unavailable", why: support }
          : subscription === undefined
            ? { kind: "checking" }
            : subscription === null
              ? { kind: "off" }
              : { kind: "on", endpoint: subscription.endpoint };

  async function turnOn() {
    if (!vapidKey) return;
    setBusy(true);
    setPushError(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setDenied(permission === "denied");
        return;
      }
      const reg = await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(vapidKey) });
      const res = await reached(subscribePushAction(sub.toJSON() as Parameters<typeof subscribePushAction>[0]));
      if (!res.ok) {
        await sub.unsubscribe();
        setPushError(res.error);
        return;
      }
      setSubscription({ endpoint: sub.endpoint });
    } catch {
      setPushError("Reminders could not be turned on in this browser just now. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    if (device.kind !== "on") return;
    setBusy(true);
    setPushError(null);
    try {
      const res = await reached(unsubscribePushAction({ endpoint: device.endpoint }));
      if (!res.ok) {
        setPushError(res.error);
        return;
      }
      const sub = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
      await sub?.unsubscribe();
      setSubscription(null);
    } catch {
      setPushError("Reminders could not be turned off in this browser just now. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  const { register, handleSubmit, setError, getValues, formState } = useForm<ReminderTimesInput, unknown, ReminderTimes>({
    resolver: timesResolver,
    defaultValues: times,
  });
  const field = savedFields(register, times);
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async () => {
    setSaved(null);
    // The form's strings go to the action, which parses them again on the server.
    const res = await reached(saveReminderTimesAction(getValues()));
    if (!res.ok) {
      showFailure(setError, res, ["remindAt", "quietStart", "quietEnd"]);
      return;
    }
    setSaved("Saved.");
  });

  async function newCalendarLink() {
    setBusy(true);
    setCalendarError(null);
    const res = await reached(regenerateCalendarAction({}));
    setBusy(false);
    if (!res.ok) return setCalendarError(res.error);
    setToken(res.token);
  }
  async function stopCalendarLink() {
    setBusy(true);
    setCalendarError(null);
    const res = await reached(revokeCalendarAction({}));
    setBusy(false);
    if (!res.ok) return setCalendarError(res.error);
    setToken(null);
  }

  const feedUrl = token ? `${origin}/api/calendar/${token}.ics` : null;

  return (
    <section aria-labelledby="reminders-heading" data-testid="reminders">
      <h2 id="reminders-heading">Reminders</h2>
      <p className="muted">
        One reminder a day, only when cards are due and you have not reviewed yet, never in your quiet hours. Times are in your time zone (above).
      </p>
      <form onSubmit={onSubmit} noValidate aria-label="Reminder times">
        {errors.root && (
          <p className="form-error" role="alert">
            {errors.root.message}
          </p>
        )}
        <Field label="Remind me at" type="time" error={errors.remindAt?.message} {...field.value("remindAt")} />
        <div className="time-pair">
          <Field label="Quiet from" type="time" error={errors.quietStart?.message} {...field.value("quietStart")} />
          <Field label="until" type="time" error={errors.quietEnd?.message} {...field.value("quietEnd")} />
        </div>
        <div className="btn-row">
          <button className="btn" type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save times"}
          </button>
        </div>
        <p role="status" aria-live="polite">
          {saved}
        </p>
      </form>

      <h3>On this device</h3>
      <div className="push-state" data-testid="push-state">
        {device.kind === "checking" && (
          // As tall as the likeliest answer (reminders off, with its button), so that what
          // follows stays where it was painted, under the reader's thumb, when the answer comes.
          <div className="stack">
            <p className="muted">Checking this browser…</p>
            <div className="stack-hidden" aria-hidden="true" inert>
              <DeviceOff devices={devices} busy onTurnOn={turnOn} />
            </div>
          </div>
        )}
        {device.kind === "unavailable" && <p className="notice">{PUSH_SUPPORT_TEXT[device.why]}</p>}
        {device.kind === "off" && <DeviceOff devices={devices} busy={busy} onTurnOn={turnOn} />}
        {device.kind === "on" && (
          <>
            <p>Reminders are on for this device.</p>
            <button className="btn" type="button" disabled={busy} onClick={turnOff}>
              Turn off on this device
            </button>
          </>
        )}
        {pushError && (
          <p className="form-error" role="alert">
            {pushError}
          </p>
        )}
      </div>

      <h3>In your calendar</h3>
      <p className="muted">
        A daily “Review time” event at your reminder time, for a calendar app that subscribes to a link. Keep the link private: anyone with it sees your review
        time.
      </p>
      {feedUrl ? (
        <>
          <label htmlFor="calendar-url">Your calendar link</label>
          <input id="calendar-url" readOnly value={feedUrl} onFocus={(e) => e.currentTarget.select()} />
          <div className="btn-row">
            <button className="btn" type="button" disabled={busy} onClick={newCalendarLink}>
              New link (the old one stops working)
            </button>
            <button className="btn" type="button" disabled={busy} onClick={stopCalendarLink}>
              Stop the calendar link
            </button>
          </div>
        </>
      ) : (
        <div className="btn-row">
          <button className="btn" type="button" disabled={busy} onClick={newCalendarLink}>
            Create a calendar link
          </button>
        </div>
      )}
      {calendarError && (
        <p className="form-error" role="alert">
          {calendarError}
        </p>
      )}
    </section>
  );
}
