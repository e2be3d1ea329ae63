import "server-only";
import type { PrismaClient } from "@prisma/client";
import { db } from "../db";
import { isUniqueViolation } from "../db/errors";
import { State } from "ts-fsrs";
import { dueCutoff } from "../srs/due";
import { studyDayNumber, type DayContext } from "../srs/day";
import { sendPush, type PushOutcome, type PushTarget, type ReminderPayload, type Vapid } from "./push";
import { DEFAULT_TIMES } from "./store";
import { decideReminder, reminderText } from "./timing";

// One pass of the reminder scheduler: every learner with a subscribed device is checked
// against timing.ts, and a reminder that is due is claimed, then sent to each of their
// devices. The claim is a ReminderSend row keyed (userId, study day): with several servers
// ticking on one database, only the server whose insert succeeds sends, so a learner gets at
// most one reminder a day whatever the number of servers.

export type TickOptions = {
  now?: Date;
  vapid: Vapid;
  // The database client: the process's own unless a test runs two "servers" side by side.
  client?: PrismaClient;
  send?: (target: PushTarget, payload: ReminderPayload, vapid: Vapid) => Promise<PushOutcome>;
};
export type TickResult = { checked: number; reminded: number; sent: number; removed: number };

async function dueCount(client: PrismaClient, userId: string, now: Date, ctx: DayContext): Promise<number> {
  return client.card.count({
    where: {
      userId,
      state: { not: State.New },
      due: { lt: dueCutoff(now, ctx) },
      suspendedAt: null,
      OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
    },
  });
}

async function claim(client: PrismaClient, userId: string, day: number, cards: number): Promise<boolean> {
  try {
    await client.reminderSend.create({ data: { userId, day, cards } });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

export async function runReminderTick(opts: TickOptions): Promise<TickResult> {
  const now = opts.now ?? new Date();
  const client = opts.client ?? db;
  const send = opts.send ?? sendPush;
  const result: TickResult = { checked: 0, reminded: 0, sent: 0, removed: 0 };
  // Every subscribed learner's zone and study-day rollover come with their reminder times in
  // this one statement, rather than each learner's settings read one by one (lib/settings).
  const learners = await client.user.findMany({
    where: { pushSubscriptions: { some: {} } },
    select: {
      id: true,
      timeZone: true,
      dayRolloverHour: true,
      reminder: { select: { remindAt: true, quietStart: true, quietEnd: true } },
      pushSubscriptions: { select: { id: true, endpoint: true, p256dh: true, auth: true } },
    },
  });
  for (const u of learners) {
    result.checked++;
    try {
      const ctx: DayContext = { timeZone: u.timeZone, rolloverHour: u.dayRolloverHour };
      const day = studyDayNumber(now, ctx);
      const [sent, reviewed] = await Promise.all([
        client.reminderSend.count({ where: { userId: u.id, day } }),
        client.reviewLog.count({ where: { userId: u.id, reviewDay: day, undoneAt: null } }),
      ]);
      // The due count is read only when the rest allows a send: it is the dearest query.
      const base = { now, day: ctx, times: u.reminder ?? DEFAULT_TIMES, reviewedToday: reviewed > 0, sentToday: sent > 0 };
      if (!decideReminder({ ...base, due: 1 }).send) continue;
      const due = await dueCount(client, u.id, now, ctx);
      if (!decideReminder({ ...base, due }).send) continue;
      if (!(await claim(client, u.id, day, due))) continue;
      result.reminded++;
      const payload: ReminderPayload = { ...reminderText(due), url: "/review", badge: due, tag: "review-reminder" };
      for (const s of u.pushSubscriptions) {
        const outcome = await send(s, payload, opts.vapid);
        if (outcome === "sent") result.sent++;
        if (outcome === "gone") {
          await client.pushSubscription.deleteMany({ where: { id: s.id } });
          result.removed++;
        }
      }
    } catch (e) {
      console.error("reminder failed for one learner", e);
    }
  }
  return result;
}
