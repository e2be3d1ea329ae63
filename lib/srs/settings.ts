import type { User } from "@prisma/client";
import type { DayContext } from "./day";
import { parseStoredWeights } from "./weights";
import type { SchedulerSettings } from "./scheduler";

type SettingsRow = Pick<User, "desiredRetention" | "safetyRetention" | "maximumInterval" | "enableFuzz" | "fsrsWeights" | "timeZone" | "dayRolloverHour">;

export const schedulerSettingsOf = (u: SettingsRow): SchedulerSettings => ({
  desiredRetention: u.desiredRetention,
  safetyRetention: u.safetyRetention,
  maximumInterval: u.maximumInterval,
  enableFuzz: u.enableFuzz,
  weights: parseStoredWeights(u.fsrsWeights),
  day: { timeZone: u.timeZone, rolloverHour: u.dayRolloverHour },
});

export const dayContextOf = (u: SettingsRow): DayContext => ({ timeZone: u.timeZone, rolloverHour: u.dayRolloverHour });
