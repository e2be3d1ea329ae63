import "server-only";
import { sqlDb, sql } from "../../db";
import { num, bool, str, strOrNull } from "../../db/row";
import { UserError } from "../../errors";

// The user's scheduling settings, as the review code needs them. They come with the session
// check (lib/auth/session.ts reads them in the same statement); `reviewUserOf` reads them only when a
// caller passes a bare user id (scripts, tests).
export type ReviewUser = {
  id: string;
  timeZone: string;
  dayRolloverHour: number;
  desiredRetention: number;
  newCardsPerDay: number;
  maximumInterval: number;
  enableFuzz: boolean;
  fsrsWeights: string | null;
};

export function reviewUserRow(id: string, r: Record<string, unknown>): ReviewUser {
  return {
    id,
    timeZone: str(r.timeZone),
    dayRolloverHour: num(r.dayRolloverHour),
    desiredRetention: num(r.desiredRetention),
    newCardsPerDay: num(r.newCardsPerDay),
    maximumInterval: num(r.maximumInterval),
    enableFuzz: bool(r.enableFuzz),
    fsrsWeights: strOrNull(r.fsrsWeights),
  };
}

// A session user (its settings read with the session check), a ReviewUser, or a bare id.
export async function reviewUserOf(user: string | ReviewUser | { id: string; scheduling?: ReviewUser }): Promise<ReviewUser> {
  if (typeof user !== "string") {
    if ("scheduling" in user && user.scheduling) return user.scheduling;
    if ("timeZone" in user) return user;
    user = user.id;
  }
  const r = await sqlDb.get(
    sql`SELECT "timeZone", "dayRolloverHour", "desiredRetention", "newCardsPerDay", "maximumInterval", "enableFuzz", "fsrsWeights" FROM "User" WHERE "id" = ${user}`,
  );
  if (!r) throw new UserError("Your account no longer exists. Please sign in again.", 401);
  return reviewUserRow(user, r);
}
