import { describe, expect, it } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { statements } from "@/lib/db/statements";
import { authOptions, type SessionUser } from "@/lib/auth/session";
import { readSettings, settingsOf, updateSettings } from "@/lib/settings";
import { settingsSchema } from "@/lib/settings/schema";
import { addLessonToDeck } from "@/lib/srs/deck";
import { gradeReview } from "@/lib/srs/review";
import { getStreak } from "@/lib/progress/summary";
import { getParameterStatus } from "@/lib/optimizer/jobs";
import { rescheduleStatus } from "@/lib/srs/reschedule";
import { accountJsonChunks } from "@/lib/portability/export";
import { grade, makeUser } from "./helpers";
import { Rating } from "ts-fsrs";

async function sessionCheck(userId: string): Promise<SessionUser> {
  const session = (await authOptions.callbacks!.session!({ session: { expires: "" } as Session, token: { sub: userId, sv: 0 } as JWT } as never)) as Session;
  return session.user as SessionUser;
}

async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; n: number }> {
  const before = statements.count;
  const value = await fn();
  return { value, n: statements.count - before };
}

const NOW = new Date("2026-04-01T10:00:00Z");

// A user with one lesson holding a warning-sign card, and the given retention of each group.
async function userWith(desiredRetention: number, safetyRetention: number) {
  const safe = await db.catalogCard.findFirstOrThrow({ where: { safety: true, retiredAt: null }, orderBy: { position: "asc" } });
  const u = await makeUser({ empty: true });
  await addLessonToDeck(u.id, safe.lessonSlug);
  const base = await readSettings(u.id);
  await updateSettings(
    u.id,
    settingsSchema.parse({ ...base, desiredRetention, safetyRetention, enableFuzz: false, loadBalance: false, maximumInterval: 36500 }),
  );
  const cards = await db.card.findMany({ where: { userId: u.id }, include: { catalogCard: true } });
  return { u, safety: cards.find((c) => c.catalogCard.safety)!, plain: cards.find((c) => !c.catalogCard.safety)! };
}

// The days from NOW to the card's due date after an Easy first answer.
async function easyDays(userId: string, card: { id: string; version: number }): Promise<number> {
  await gradeReview(userId, grade(card.id, card.version, Rating.Easy), NOW);
  const after = await db.card.findUniqueOrThrow({ where: { id: card.id } });
  return (after.due.getTime() - NOW.getTime()) / 86_400_000;
}

describe("desired retention per group", () => {
  it("schedules a warning-sign card with the safety group's retention and any other card with the general one", async () => {
    // A: remembers little in general, much of the warning signs; B the other way round.
    const a = await userWith(0.7, 0.97);
    const b = await userWith(0.97, 0.8);
    const [aPlain, aSafety, bPlain, bSafety] = [
      await easyDays(a.u.id, a.plain),
      await easyDays(a.u.id, a.safety),
      await easyDays(b.u.id, b.plain),
      await easyDays(b.u.id, b.safety),
    ];
    // A lower desired retention means a longer interval, group by group.
    expect(aPlain).toBeGreaterThan(bPlain);
    expect(aSafety).toBeLessThan(bSafety);
  });

  it("gives a new account 95% for the warning signs and 90% for the rest, and carries both in the export", async () => {
    const u = await makeUser({ empty: true });
    expect(await readSettings(u.id)).toMatchObject({ desiredRetention: 0.9, safetyRetention: 0.95 });
    let json = "";
    for await (const chunk of accountJsonChunks(u.id)) json += chunk;
    expect(JSON.parse(json).settings).toMatchObject({ desiredRetention: 0.9, safetyRetention: 0.95 });
  });
});

describe("settings read once per request", () => {
  it("reads the session and every setting in one statement, and no page function reads them again", async () => {
    const u = await makeUser();
    const { value: user, n } = await counted(() => sessionCheck(u.id));
    expect(n).toBe(1);
    expect(user.settings).toMatchObject({ id: u.id, timeZone: "UTC", safetyRetention: 0.95, reviewsPerDay: 200, leechAction: "suspend" });
    const again = await counted(() => settingsOf(user));
    expect(again.n).toBe(0);
    expect(again.value).toBe(user.settings);
    // The streak's own reads only: its study day comes from the carried settings.
    const streak = await counted(() => getStreak(user, NOW));
    const bare = await counted(() => getStreak(u.id, NOW));
    expect(bare.n - streak.n).toBe(1);
    // The parameters' status (/progress) and the rescheduling status (/settings) take the weights from them too.
    for (const status of [getParameterStatus, rescheduleStatus] as ((user: SessionUser | string) => Promise<unknown>)[]) {
      const carried = await counted(() => status(user));
      const byId = await counted(() => status(u.id));
      expect(byId.n - carried.n).toBe(1);
    }
  });
});
