// Whether this browser can take review reminders by push, and if not, why: the settings page
// says so in words instead of showing a button that cannot work. Pure: the page passes in
// what it found in the browser.

export type PushEnvironment = {
  // The server has VAPID keys (push configured).
  configured: boolean;
  serviceWorker: boolean;
  pushManager: boolean;
  notifications: boolean;
  // "granted" | "denied" | "default", as Notification.permission gives it.
  permission: string;
  // An iPhone or iPad (iPadOS reports itself as a Mac with touch).
  ios: boolean;
  // Running as the installed app (display-mode standalone, or navigator.standalone on iOS).
  standalone: boolean;
  // Served over https or from localhost (push needs a secure context).
  secure: boolean;
};

export type PushSupport = "available" | "not-configured" | "insecure" | "ios-install" | "unsupported" | "denied";

export function pushSupport(e: PushEnvironment): PushSupport {
  if (!e.configured) return "not-configured";
  if (!e.secure) return "insecure";
  // iOS and iPadOS (16.4 and later) offer web push only to a site added to the Home Screen.
  if (e.ios && !e.standalone) return "ios-install";
  if (!e.serviceWorker || !e.pushManager || !e.notifications) return "unsupported";
  if (e.permission === "denied") return "denied";
  return "available";
}

export const PUSH_SUPPORT_TEXT: Record<Exclude<PushSupport, "available">, string> = {
  "not-configured": "Push reminders are not set up on this server. The calendar link below works instead.",
  insecure: "Push reminders need a secure (https) connection to this site. The calendar link below works instead.",
  "ios-install":
    "On iPhone and iPad, reminders work only from the installed app: tap the Share button, choose “Add to Home Screen”, then open Unknot from its icon and come back to this page.",
  unsupported: "This browser cannot show push reminders. The calendar link below works instead.",
  denied: "Notifications for this site are blocked in your browser's settings. Allow them there, then reload this page.",
};

export function isIos(userAgent: string, maxTouchPoints: number): boolean {
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}

// The VAPID public key (base64url) as PushManager.subscribe wants it.
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
