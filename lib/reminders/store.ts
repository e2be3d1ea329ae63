import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { db } from "../db";
import type { pushSubscriptionSchema } from "../validation/reminders";
import type { ReminderTimes } from "./timing";

// A learner's reminder settings, devices and calendar feed, always scoped to their user id.

export const DEFAULT_TIMES: ReminderTimes = { remindAt: 19 * 60, quietStart: 22 * 60, quietEnd: 7 * 60 };

export type ReminderOverview = ReminderTimes & { devices: number; calendarToken: string | null };

export async function getReminderOverview(userId: string): Promise<ReminderOverview> {
  const [settings, devices] = await Promise.all([
    db.reminderSettings.findUnique({ where: { userId }, select: { remindAt: true, quietStart: true, quietEnd: true, calendarToken: true } }),
    db.pushSubscription.count({ where: { userId } }),
  ]);
  return { ...DEFAULT_TIMES, calendarToken: null, ...settings, devices };
}

// Takes the times as reminderTimesSchema gives them (minutes after midnight).
export async function saveReminderTimes(userId: string, times: ReminderTimes): Promise<ReminderTimes> {
  await db.reminderSettings.upsert({ where: { userId }, create: { userId, ...times }, update: times });
  return times;
}

// One row per browser: the same endpoint subscribed again (a new sign-in on a shared device)
// now belongs to this learner alone.
export async function subscribeDevice(userId: string, sub: z.output<typeof pushSubscriptionSchema>): Promise<void> {
  const data = { userId, p256dh: sub.keys.p256dh.replace(/=+$/, ""), auth: sub.keys.auth.replace(/=+$/, "") };
  await db.$transaction([
    db.reminderSettings.upsert({ where: { userId }, create: { userId }, update: {} }),
    db.pushSubscription.upsert({ where: { endpoint: sub.endpoint }, create: { endpoint: sub.endpoint, ...data }, update: data }),
  ]);
}

export async function unsubscribeDevice(userId: string, endpoint: string): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { userId, endpoint } });
}

// A new secret replaces the old one, so a feed URL that leaked stops working.
export async function regenerateCalendarToken(userId: string): Promise<string> {
  const calendarToken = randomBytes(24).toString("base64url");
  await db.reminderSettings.upsert({ where: { userId }, create: { userId, calendarToken }, update: { calendarToken } });
  return calendarToken;
}

export async function revokeCalendarToken(userId: string): Promise<void> {
  await db.reminderSettings.updateMany({ where: { userId }, data: { calendarToken: null } });
}

export async function calendarOwner(token: string): Promise<{ times: ReminderTimes; timeZone: string } | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  // A calendar feed has no session: the learner's zone comes with the token's row.
  const row = await db.reminderSettings.findUnique({
    where: { calendarToken: token },
    select: { remindAt: true, quietStart: true, quietEnd: true, user: { select: { timeZone: true } } },
  });
  return row ? { times: { remindAt: row.remindAt, quietStart: row.quietStart, quietEnd: row.quietEnd }, timeZone: row.user.timeZone } : null;
}
