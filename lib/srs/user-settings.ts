import "server-only";
import { db } from "../db";
import { UserError } from "../errors";
import { settingsSchema, type Settings } from "../validation/settings";

export async function getSettings(userId: string): Promise<Settings> {
  const u = await db.user.findUnique({ where: { id: userId } });
  if (!u) throw new UserError("Your account no longer exists.", 401);
  return {
    desiredRetention: u.desiredRetention,
    newCardsPerDay: u.newCardsPerDay,
    maximumInterval: u.maximumInterval,
    dayRolloverHour: u.dayRolloverHour,
    timeZone: u.timeZone,
    enableFuzz: u.enableFuzz,
  };
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

// Only future scheduling changes: due dates already set stay as they are.
export async function updateSettings(userId: string, raw: unknown): Promise<SettingsResult> {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: "Some settings are not valid; nothing was changed.", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  }
  await db.user.update({ where: { id: userId }, data: parsed.data });
  return { ok: true, settings: parsed.data };
}
