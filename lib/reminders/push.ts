import webpush from "web-push";

// Sends one web-push message with the web-push library: the payload encrypted for the
// subscription's keys (aes128gcm) and the request signed with the server's VAPID keys.

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type Vapid = { subject: string; publicKey: string; privateKey: string };
export type ReminderPayload = { title: string; body: string; url: string; badge: number; tag: string };

// "gone": the push service says the subscription no longer exists (404, 410) and it should be
// deleted; "failed": anything else (a network error, 429, 5xx), worth no retry today.
export type PushOutcome = "sent" | "gone" | "failed";

// A reminder not delivered within a few hours (the phone off all evening) is no longer useful.
const TTL_SECONDS = 4 * 60 * 60;

// web-push builds the request (encryption, VAPID JWT, headers); fetch sends it, so that any
// endpoint URL the browser gave works, and the test's local stand-in can be plain HTTP.
export async function sendPush(target: PushTarget, payload: ReminderPayload, vapid: Vapid): Promise<PushOutcome> {
  try {
    const req = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
      vapidDetails: vapid,
      TTL: TTL_SECONDS,
      urgency: "normal",
      topic: "review-reminder",
      contentEncoding: "aes128gcm",
    });
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const res = await fetch(req.endpoint, {
      method: "POST",
      headers,
      body: req.body ? new Uint8Array(req.body) : null,
      signal: AbortSignal.timeout(10_000),
      redirect: "error",
    });
    await res.body?.cancel();
    if (res.ok) return "sent";
    if (res.status === 404 || res.status === 410) return "gone";
    console.error("push refused", res.status);
    return "failed";
  } catch (e) {
    console.error("push failed", e instanceof Error ? e.message : e);
    return "failed";
  }
}
