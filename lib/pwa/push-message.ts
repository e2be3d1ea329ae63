// What the service worker shows for a push message (app/sw.ts): the reminder's JSON read
// defensively, so that a malformed or empty message still shows a plain reminder, and the
// click target is always a path on this site. Pure, so that it is unit-tested.

export type PushMessage = { title: string; body: string; url: string; badge: number; tag: string };

const FALLBACK: PushMessage = { title: "Time for a short review", body: "Some cards are due today.", url: "/review", badge: 0, tag: "review-reminder" };

// Only a path on this origin: never "//other.host" or "https://…".
export function safePath(url: unknown): string {
  return typeof url === "string" && /^\/(?![/\\])/.test(url) ? url : FALLBACK.url;
}

export function parsePushMessage(text: string | null | undefined): PushMessage {
  let raw: Record<string, unknown> = {};
  try {
    const v: unknown = text ? JSON.parse(text) : {};
    if (v && typeof v === "object") raw = v as Record<string, unknown>;
  } catch {
    // not JSON: the plain reminder
  }
  const str = (v: unknown, fallback: string) => (typeof v === "string" && v.trim() !== "" ? v.slice(0, 200) : fallback);
  const badge = typeof raw.badge === "number" && Number.isInteger(raw.badge) && raw.badge >= 0 ? raw.badge : 0;
  return { title: str(raw.title, FALLBACK.title), body: str(raw.body, FALLBACK.body), url: safePath(raw.url), badge, tag: str(raw.tag, FALLBACK.tag) };
}
