import { apiRoute } from "@/lib/api";
import { siteOrigin } from "@/lib/auth/site-origin";
import { buildCalendar } from "@/lib/reminders/ics";
import { calendarOwner } from "@/lib/reminders/store";

export const dynamic = "force-dynamic";

// GET /api/calendar/<secret>.ics - the learner's "review time" feed. No session: calendar apps
// fetch it on their own, so the secret in the URL is the only key. An unknown or revoked
// secret is a plain 404, the same for both, so the answer tells nothing about other feeds.
export const GET = apiRoute(async (req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> => {
  const { token } = await params;
  const owner = await calendarOwner(token.replace(/\.ics$/, ""));
  if (!owner) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const body = buildCalendar({ times: owner.times, timeZone: owner.timeZone, now: new Date(), origin: siteOrigin(req.headers) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="unknot-review-time.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
});
