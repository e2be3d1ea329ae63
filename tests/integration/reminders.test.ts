import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { getReminderOverview, regenerateCalendarToken, revokeCalendarToken } from "@/lib/reminders/store";
import { runReminderTick } from "@/lib/reminders/tick";
import { gradeReview } from "@/lib/srs/review";
import { studyDayNumber } from "@/lib/srs/day";
import { firstCard, grade, makeUser } from "./helpers";
import { State, Rating } from "ts-fsrs";

// The scheduler against the real migrated database (SQLite, and PostgreSQL in its project),
// sending to a local HTTP server that stands in for a push service.

type Delivery = { path: string; body: Buffer };
const deliveries: Delivery[] = [];
let push: Server;
let base: string;
const vapid = { subject: "mailto:test@example.com", ...webpush.generateVAPIDKeys() };

beforeAll(async () => {
  push = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({ path: req.url ?? "", body: Buffer.concat(chunks) });
      res.writeHead(req.url?.includes("gone") ? 410 : 201).end();
    });
  });
  await new Promise<void>((r) => push.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(push.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => push.close(() => r())));

// 20:00 UTC today: after the default 19:00 reminder time, before the default 22:00 quiet hours.
function evening(): Date {
  const d = new Date();
  d.setUTCHours(20, 0, 0, 0);
  return d;
}

// A learner (zone UTC) with one card due and one subscribed device; `path` names the device.
async function learnerWithDueCard(path = randomUUID()) {
  const user = await makeUser();
  const card = await firstCard(user.id);
  await db.card.update({
    where: { id: card.id },
    data: {
      state: State.Review,
      due: new Date(evening().getTime() - 3_600_000),
      stability: 3,
      difficulty: 5,
      reps: 2,
      lastReview: new Date(evening().getTime() - 3 * 86_400_000),
    },
  });
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16).toString("base64url");
  await db.pushSubscription.create({ data: { userId: user.id, endpoint: `${base}/${path}`, p256dh: ecdh.getPublicKey().toString("base64url"), auth } });
  return { user, card, ecdh, auth, path: `/${path}` };
}

const to = (path: string) => deliveries.filter((d) => d.path === path);

describe("the reminder scheduler", () => {
  it("sends one reminder a learner can decrypt, saying how many cards are due, that opens /review", async () => {
    const l = await learnerWithDueCard();
    await runReminderTick({ now: evening(), vapid });
    const got = to(l.path);
    expect(got).toHaveLength(1);
    const payload = JSON.parse(ece.decrypt(got[0]!.body, { version: "aes128gcm", privateKey: l.ecdh, authSecret: l.auth }).toString("utf8"));
    expect(payload).toMatchObject({ url: "/review", badge: 1, body: expect.stringContaining("1 card is due") });
    const day = studyDayNumber(evening(), { timeZone: "UTC", rolloverHour: 4 });
    expect(await db.reminderSend.findUnique({ where: { userId_day: { userId: l.user.id, day } } })).toMatchObject({ cards: 1 });
  });

  it("sends once per learner per day when two servers tick at the same moment, and again not at the next tick", async () => {
    const l = await learnerWithDueCard();
    const other = createPrismaClient();
    try {
      await Promise.all([runReminderTick({ now: evening(), vapid }), runReminderTick({ now: evening(), vapid, client: other })]);
      await Promise.all([
        runReminderTick({ now: new Date(evening().getTime() + 60_000), vapid, client: other }),
        runReminderTick({ now: new Date(evening().getTime() + 60_000), vapid }),
      ]);
    } finally {
      await other.$disconnect();
    }
    expect(to(l.path)).toHaveLength(1);
    expect(await db.reminderSend.count({ where: { userId: l.user.id } })).toBe(1);
  });

  it("sends to every device the learner subscribed", async () => {
    const l = await learnerWithDueCard();
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const second = `/${randomUUID()}`;
    await db.pushSubscription.create({
      data: { userId: l.user.id, endpoint: `${base}${second}`, p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") },
    });
    await runReminderTick({ now: evening(), vapid });
    expect(to(l.path)).toHaveLength(1);
    expect(to(second)).toHaveLength(1);
  });

  it("deletes a subscription the push service answers 410 for", async () => {
    const l = await learnerWithDueCard(`gone-${randomUUID()}`);
    await runReminderTick({ now: evening(), vapid });
    expect(to(l.path)).toHaveLength(1);
    expect(await db.pushSubscription.count({ where: { userId: l.user.id } })).toBe(0);
  });

  it("sends nothing to a learner who already reviewed this study day", async () => {
    const l = await learnerWithDueCard();
    const card = await db.card.findUniqueOrThrow({ where: { id: l.card.id } });
    await gradeReview(l.user.id, grade(card.id, card.version, Rating.Good), new Date(evening().getTime() - 60_000));
    const other = await db.card.findFirst({ where: { userId: l.user.id, id: { not: card.id } } });
    expect(other).not.toBeNull();
    if (other) await db.card.update({ where: { id: other.id }, data: { state: State.Review, due: new Date(evening().getTime() - 3_600_000) } });
    await runReminderTick({ now: evening(), vapid });
    expect(to(l.path)).toHaveLength(0);
  });

  it("sends nothing before the learner's reminder time, and nothing when no card is due", async () => {
    const early = await learnerWithDueCard();
    await db.reminderSettings.create({ data: { userId: early.user.id, remindAt: 21 * 60 } });
    const none = await learnerWithDueCard();
    await db.card.updateMany({ where: { userId: none.user.id }, data: { due: new Date(evening().getTime() + 3 * 86_400_000) } });
    await runReminderTick({ now: evening(), vapid });
    expect(to(early.path)).toHaveLength(0);
    expect(to(none.path)).toHaveLength(0);
  });
});

describe("the review-time calendar feed", () => {
  const fetchFeed = async (token: string) => {
    const { GET } = await import("@/app/api/calendar/[token]/route");
    return GET(new Request(`http://localhost/api/calendar/${token}.ics`), { params: Promise.resolve({ token: `${token}.ics` }) });
  };

  it("serves a VCALENDAR at the learner's secret URL, and 404 once the URL is regenerated or revoked", async () => {
    const { user } = await learnerWithDueCard();
    const first = await regenerateCalendarToken(user.id);
    const res = await fetchFeed(first);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    // Its own referrer rule stays; the security headers every answer carries are added (lib/api.ts apiRoute).
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    const text = await res.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VEVENT[\s\S]*END:VCALENDAR\r\n$/);

    const second = await regenerateCalendarToken(user.id);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    await revokeCalendarToken(user.id);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await getReminderOverview(user.id)).calendarToken).toBeNull();
  });

  it("answers 404 for a secret that was never issued", async () => {
    expect((await fetchFeed("A".repeat(32))).status).toBe(404);
    expect((await fetchFeed("../../etc")).status).toBe(404);
  });
});
