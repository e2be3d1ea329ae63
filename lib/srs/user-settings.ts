import "server-only";
import { db } from "../db";
import { parseInput, UserError } from "../errors";
import { settingsSchema, type Settings } from "../validation/settings";
import { easyDatesFromString, weekdaysFromString, weekdaysToString } from "./load-balance";

export async function getSettings(userId: string): Promise<Settings> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: {
      desiredRetention: true,
      newCardsPerDay: true,
      maximumInterval: true,
      dayRolloverHour: true,
      timeZone: true,
      enableFuzz: true,
      loadBalance: true,
      easyWeekdays: true,
      easyDates: true,
      twoButtonGrading: true,
    },
  });
  if (!u) throw new UserError("Your account no longer exists.", 401);
  return {
    desiredRetention: u.desiredRetention,
    newCardsPerDay: u.newCardsPerDay,
    maximumInterval: u.maximumInterval,
    dayRolloverHour: u.dayRolloverHour,
    timeZone: u.timeZone,
    enableFuzz: u.enableFuzz,
    loadBalance: u.loadBalance,
    easyWeekdays: weekdaysFromString(u.easyWeekdays),
    easyDates: easyDatesFromString(u.easyDates),
    twoButtonGrading: u.twoButtonGrading,
  };
}

// The settings as User columns: easy days are stored as seven letters and a comma-separated
// list of dates (prisma/schema.prisma, User); fields left out stay as they are.
export function settingsRow<S extends Pick<Settings, "easyWeekdays" | "easyDates">>({ easyWeekdays, easyDates, ...rest }: S) {
  return {
    ...rest,
    ...(easyWeekdays ? { easyWeekdays: weekdaysToString(easyWeekdays) } : {}),
    ...(easyDates ? { easyDates: [...new Set(easyDates)].sort().join(",") } : {}),
  };
}

export const INVALID_SETTINGS = "Some settings are not valid; nothing was changed.";

// Only future scheduling changes: due dates already set stay as they are.
export async function updateSettings(userId: string, raw: unknown): Promise<Settings> {
  const settings = parseInput(settingsSchema, raw, INVALID_SETTINGS);
  await db.user.update({ where: { id: userId }, data: settingsRow(settings) });
  return settings;
}
