import "server-only";
import { db } from "../db";
import { parseInput, UserError } from "../errors";
import { deckSettingsSchema, type DeckSettings } from "../validation/deck-settings";
import type { LeechAction } from "./leech";

export async function getDeckSettings(userId: string): Promise<DeckSettings> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { reviewsPerDay: true, leechThreshold: true, leechAction: true } });
  if (!u) throw new UserError("Your account no longer exists.", 401);
  return {
    reviewsPerDay: u.reviewsPerDay,
    leechThreshold: u.leechThreshold,
    leechAction: u.leechAction === "flag" ? "flag" : ("suspend" satisfies LeechAction),
  };
}

// A lower limit holds back today's remaining reviews at once (they stay due); a new leech
// rule applies from the next lapse on, and cards already flagged stay flagged.
export async function updateDeckSettings(userId: string, raw: unknown): Promise<DeckSettings> {
  const settings = parseInput(deckSettingsSchema, raw, "Some settings are not valid; nothing was changed.");
  await db.user.update({ where: { id: userId }, data: settings });
  return settings;
}
