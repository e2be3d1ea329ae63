import "server-only";
import { cache } from "react";
import { kdb } from "../db";
import { UserError } from "../errors";
import { easyDatesFromString, weekdaysFromString, weekdaysToString, type EasyLevel } from "../srs/load-balance";
import type { LeechAction } from "../srs/leech";
import { RETENTION_FIELD, type RetentionChoice, type SettingsInput } from "./schema";

// A user's settings: read once per request, written by one function with one schema
// (lib/settings/schema.ts). The session check (lib/auth/session.ts) reads them in its own
// statement and carries them on the session user; `settingsOf` reads them only when a caller
// has a bare user id (scripts, jobs, tests), at most once per request (React's cache).

export type UserSettings = {
  id: string;
  desiredRetention: number;
  safetyRetention: number;
  newCardsPerDay: number;
  maximumInterval: number;
  dayRolloverHour: number;
  timeZone: string;
  enableFuzz: boolean;
  loadBalance: boolean;
  easyWeekdays: EasyLevel[];
  easyDates: string[];
  reviewsPerDay: number;
  leechThreshold: number;
  leechAction: LeechAction;
  // Review with two buttons, Forgot and Remembered (graded Again and Good).
  twoButtonGrading: boolean;
  // JSON array of the personal FSRS parameters (the optimizer's), null for the defaults.
  fsrsWeights: string | null;
};

// The User columns holding them, for any statement that reads them with something else.
export const SETTINGS_COLUMNS = [
  "desiredRetention",
  "safetyRetention",
  "newCardsPerDay",
  "maximumInterval",
  "dayRolloverHour",
  "timeZone",
  "enableFuzz",
  "loadBalance",
  "easyWeekdays",
  "easyDates",
  "reviewsPerDay",
  "leechThreshold",
  "leechAction",
  "twoButtonGrading",
  "fsrsWeights",
] as const;

// As stored: easy days as text (see settingsColumns), the leech action as a plain string.
type SettingsRow = Omit<UserSettings, "id" | "easyWeekdays" | "easyDates" | "leechAction"> & { easyWeekdays: string; easyDates: string; leechAction: string };

export function settingsFromRow(id: string, r: SettingsRow): UserSettings {
  return {
    id,
    ...r,
    // PostgreSQL's REAL arrives as a number, SQLite's too; COUNT-like strings never occur here.
    desiredRetention: Number(r.desiredRetention),
    safetyRetention: Number(r.safetyRetention),
    easyWeekdays: weekdaysFromString(r.easyWeekdays),
    easyDates: easyDatesFromString(r.easyDates),
    leechAction: r.leechAction === "flag" ? "flag" : "suspend",
  };
}

const gone = () => new UserError("Your account no longer exists. Please sign in again.", 401);

// One statement, at most once per request and user.
export const readSettings = cache(async (userId: string): Promise<UserSettings> => {
  const row = await kdb.selectFrom("User").select(SETTINGS_COLUMNS).where("id", "=", userId).executeTakeFirst();
  if (!row) throw gone();
  return settingsFromRow(userId, row);
});

// A session user (its settings carried by the session check), the settings themselves, or a bare id.
export type SettingsRef = string | UserSettings | { id: string; settings?: UserSettings };

export async function settingsOf(user: SettingsRef): Promise<UserSettings> {
  if (typeof user === "string") return readSettings(user);
  if ("timeZone" in user) return user;
  return user.settings ?? readSettings(user.id);
}

// The settings as User columns: easy days are stored as seven letters and a comma-separated
// list of dates (prisma/schema.prisma, User); fields left out stay as they are.
export function settingsColumns({ easyWeekdays, easyDates, ...rest }: Partial<SettingsInput>) {
  return {
    ...rest,
    ...(easyWeekdays ? { easyWeekdays: weekdaysToString(easyWeekdays) } : {}),
    ...(easyDates ? { easyDates: [...new Set(easyDates)].sort().join(",") } : {}),
  };
}

// Only future scheduling changes: due dates already set stay as they are. A lower daily
// review limit holds back today's remaining reviews at once (they stay due); a new leech rule
// applies from the next lapse on. Input is parsed at the edge (the action, the import).
export async function updateSettings(userId: string, input: SettingsInput): Promise<SettingsInput> {
  const res = await kdb.updateTable("User").set(settingsColumns(input)).where("id", "=", userId).executeTakeFirst();
  if (res.numUpdatedRows === 0n) throw gone();
  return input;
}

// Help me decide's one tap: one group's desired retention (the warning signs' or the rest's),
// the other left as it is. Parsed at the edge (retentionChoiceSchema).
export async function setGroupRetention(userId: string, { group, retention }: RetentionChoice): Promise<RetentionChoice> {
  const res = await kdb
    .updateTable("User")
    .set(settingsColumns({ [RETENTION_FIELD[group]]: retention }))
    .where("id", "=", userId)
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n) throw gone();
  return { group, retention };
}

// What the /settings form shows: every setting it edits, without the id and the parameters.
export function formSettings({ id: _id, fsrsWeights: _weights, ...rest }: UserSettings): Required<SettingsInput> {
  return rest;
}
