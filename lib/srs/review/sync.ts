import "server-only";
import { isUniqueSqlError, kdb } from "../../db";
import { env } from "../../env";
import { UserError } from "../../errors";
import type { OfflineGradeInput } from "../../validation/review";
import { userCards } from "../card-queries";
import { gradeAs } from "./grade";
import type { UserSettings } from "../../settings";
import { insertInOrder, resetAfter, storeBeforeReset } from "./place-in-history";

// Grades made offline reach the server here, in the order they were made, each in its own
// transaction. The browser's computed state is never used: each grade is applied to the
// card's stored history at its own review time with the learner's current parameters. The
// rules (docs/offline.md, "Sending grades made offline"):
// - A clientId already stored answers with the first result ("repeat"), never twice.
// - A device clock running fast: grades up to FUTURE_TOLERANCE_MS ahead of the server's clock
//   are accepted, and the whole request's review times move back together by as much as its
//   latest is ahead, so none is later than the server's clock (a grade made online right after
//   is then the latest, and undoable) and their order and spacing stay.
// - A manual reset (forget, not undone) is a boundary in the card's history. A review made
//   before the card's last reset is stored as a fact of the history (rating, time, duration,
//   and the state it met, from a replay of its own stretch) and changes nothing on the card,
//   and no undo reaches it (its log's versions never match the card's again).
// - A review at or after the card's last review (and after its last reset) goes through
//   gradeAs, the online grading function itself, with the review time as its clock.
// - A review earlier than the card's last review (the card was graded meanwhile on another
//   device) is put in its place: the card is reset to the snapshot before the earliest later
//   review, then the new grade and every later live review are replayed in review-time order.
//   If the card was rescheduled after the new grade (and the rescheduling is not undone), the
//   replay runs instead over every review since the last reset, as rescheduling does. Both
//   reviews stay in the history; the later logs' derived fields are rewritten to what the
//   replay gives (their rating, time and duration are facts and never change). The replay
//   writes only the FSRS fields: a suspension, a bury or a leech flag stays, and the leech rule
//   (lib/srs/leech.ts) runs on the card's lapses before and after, as for one grade.
// - Each grade keeps the study session it was made in (sessionId), so undo (lib/srs/review/undo.ts,
//   undoRefusal) reaches it from that session as it would an online grade.
// - Refused, with a reason the page shows: a review time more than FUTURE_TOLERANCE_MS after
//   the server's clock, older than UNKNOT_OFFLINE_MAX_AGE_DAYS (default 30), or before the card
//   was added to the deck; a card no longer in the deck or retired.

export const FUTURE_TOLERANCE_MS = 60_000;

export type SyncOutcome = { clientId: string; status: "stored" | "repeat" | "refused"; logId?: string; reason?: string };

export async function syncGrades(user: UserSettings, grades: OfflineGradeInput[], now = new Date()): Promise<SyncOutcome[]> {
  const shift = clockShift(grades, now);
  const out: SyncOutcome[] = [];
  for (const g of grades) out.push(await syncOne(user, g, shift, now));
  return out;
}

// How far the request's latest acceptable review time is ahead of the server's clock (0 if none is).
export function clockShift(grades: Pick<OfflineGradeInput, "reviewedAt">[], now: Date): number {
  let ahead = 0;
  for (const g of grades) {
    const d = g.reviewedAt - now.getTime();
    if (d > ahead && d <= FUTURE_TOLERANCE_MS) ahead = d;
  }
  return ahead;
}

async function storedResult(userId: string, clientId: string): Promise<SyncOutcome | null> {
  const first = await kdb.selectFrom("ReviewLog").select("id").where("userId", "=", userId).where("clientId", "=", clientId).executeTakeFirst();
  return first ? { clientId, status: "repeat", logId: first.id } : null;
}

export function refusalOf(g: Pick<OfflineGradeInput, "reviewedAt">, now: Date, maxAgeDays = env().UNKNOT_OFFLINE_MAX_AGE_DAYS): string | null {
  if (g.reviewedAt > now.getTime() + FUTURE_TOLERANCE_MS) return "Its review time is in the future. Check this device's date and time.";
  if (g.reviewedAt < now.getTime() - maxAgeDays * 86_400_000) return `It was made more than ${maxAgeDays} days ago, longer than offline reviews are kept.`;
  return null;
}

const ATTEMPTS = 3;
async function syncOne(user: UserSettings, g: OfflineGradeInput, shift: number, now: Date): Promise<SyncOutcome> {
  const refused = (reason: string): SyncOutcome => ({ clientId: g.clientId, status: "refused", reason });
  for (let attempt = 1; ; attempt++) {
    const first = await storedResult(user.id, g.clientId);
    if (first) return first;
    const reason = refusalOf(g, now);
    if (reason) return refused(reason);
    const at = new Date(g.reviewedAt - shift);
    try {
      const row = await userCards(kdb, user.id)
        .select(["c.version", "c.lastReview", "c.addedAt", "k.retiredAt", "k.safety"])
        .where("c.id", "=", g.cardId)
        .executeTakeFirst();
      if (!row) return refused("This card is no longer in your deck.");
      if (row.retiredAt != null) return refused("This card has been retired from the course.");
      if (at < row.addedAt) return refused("Its review time is before the card was added to your deck.");
      if (await resetAfter(kdb, user.id, g.cardId, at))
        return { clientId: g.clientId, status: "stored", logId: await storeBeforeReset(user, g, at, row.safety) };
      const last = row.lastReview;
      if (!last || at >= last) {
        const r = await gradeAs(
          user,
          { cardId: g.cardId, rating: g.rating, version: row.version, clientId: g.clientId, durationMs: g.durationMs, sessionId: g.sessionId },
          at,
        );
        return { clientId: g.clientId, status: r.replay ? "repeat" : "stored", logId: r.logId };
      }
      return { clientId: g.clientId, status: "stored", logId: await insertInOrder(user, g, at, row.version, row.safety) };
    } catch (e) {
      // Another grade or action on this card landed between the read and the write: read it again.
      const raced = (e instanceof UserError && e.status === 409) || isUniqueSqlError(e);
      if (raced && attempt < ATTEMPTS) continue;
      if (raced) throw new UserError("This card is being reviewed elsewhere right now; your waiting reviews will be sent again shortly.", 409);
      if (e instanceof UserError && e.status < 500) return refused(e.message);
      throw e;
    }
  }
}
