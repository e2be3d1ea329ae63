import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate, createAccount, WRONG_CREDENTIALS } from "@/lib/auth/accounts";
import { updateSettings as write } from "@/lib/settings";
import { INVALID_SETTINGS, settingsSchema } from "@/lib/settings/schema";
import { InvalidInput, parseInput } from "@/lib/errors";
import { changePassword } from "@/lib/auth/session-version";
import { env, withEnv } from "@/lib/env";
import { getReviewState, gradeReview, undoReview } from "@/lib/srs/review";
import { signUpSchema } from "@/lib/auth/schema";
import { firstCard, grade, makeUser, SESSION, viaAction } from "./helpers";
import { Rating } from "ts-fsrs";

// As the sign-up action does: the form's values parsed by its schema, then the account made.
const signUp = async (input: unknown, address?: string, now?: Date) => createAccount(viaAction(signUpSchema, input), address, now);

// As the settings action does: the one schema at the edge, then the typed write.
const updateSettings = async (userId: string, raw: unknown) => write(userId, parseInput(settingsSchema, raw, INVALID_SETTINGS));

const email = () => `acct-${randomUUID().slice(0, 8)}@example.test`;

describe("signing up", () => {
  it("normalizes the email and starts the user with an empty deck", async () => {
    const raw = `  Mixed.Case-${randomUUID().slice(0, 6)}@Example.TEST `;
    const u = await signUp({ email: raw, password: "a-long-unusual-passphrase", timeZone: "Europe/Berlin" });
    expect(u.email).toBe(raw.trim().toLowerCase());
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.timeZone).toBe("Europe/Berlin");
    // Cards join the deck only when the learner chooses a lesson.
    expect(await db.card.count({ where: { userId: u.id } })).toBe(0);
  });

  it("refuses a taken email, a common password, a short password and an unknown time zone, creating nothing", async () => {
    const e = email();
    await signUp({ email: e, password: "a-long-unusual-passphrase", timeZone: "UTC" });
    const before = await db.user.count();
    await expect(signUp({ email: e.toUpperCase(), password: "another-long-passphrase", timeZone: "UTC" })).rejects.toMatchObject({
      fieldErrors: { email: [expect.stringMatching(/already exists/)] },
    });
    await expect(signUp({ email: email(), password: "password123", timeZone: "UTC" })).rejects.toMatchObject({
      fieldErrors: { password: [expect.stringMatching(/too easy to guess.*commonly used/)] },
    });
    await expect(signUp({ email: email(), password: "short", timeZone: "UTC" })).rejects.toMatchObject({
      fieldErrors: { password: ["Use at least 10 characters"] },
    });
    await expect(signUp({ email: email(), password: "a-long-unusual-passphrase", timeZone: "Mars/Base" })).rejects.toMatchObject({
      fieldErrors: { timeZone: [expect.any(String)] },
    });
    await expect(signUp({ email: "x".repeat(300) + "@a.b", password: "a-long-unusual-passphrase", timeZone: "UTC" })).rejects.toMatchObject({
      fieldErrors: { email: [expect.any(String)] },
    });
    expect(await db.user.count()).toBe(before);
  });
});

describe("password strength", () => {
  it("refuses whitespace, one repeated character and easily guessed passwords, with a hint, creating nothing", async () => {
    const before = await db.user.count();
    for (const password of [" ".repeat(10), "aaaaaaaaaa", "qwertyuiop", "1234567890", "password1234"]) {
      await expect(signUp({ email: email(), password, timeZone: "UTC" }), JSON.stringify(password)).rejects.toMatchObject({
        fieldErrors: { password: [expect.stringMatching(/easy to guess.*unrelated words/)] },
      });
    }
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a password built from the account's own email", async () => {
    const e = `margaret.holloway-${randomUUID().slice(0, 4)}@example.test`;
    await expect(signUp({ email: e, password: `${e.split("@")[0]}!`, timeZone: "UTC" })).rejects.toMatchObject({
      fieldErrors: { password: [expect.any(String)] },
    });
  });

  it("applies the same rules to a new password in a password change", async () => {
    const u = await makeUser();
    await expect(changePassword(u.id, { currentPassword: u.password, newPassword: "aaaaaaaaaaaa" })).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/easy to guess/)] },
    });
    await expect(authenticate({ email: u.email, password: u.password }, "10.9.0.1")).resolves.toMatchObject({ id: u.id });
  });
});

describe("sign-up throttling", () => {
  // The default limit, whatever the environment running the tests says.
  it("refuses more accounts from one client address than the hourly limit, saying when to retry, while other addresses go on", () =>
    withEnv({ UNKNOT_SIGNUPS_PER_HOUR: undefined }, async () => {
      const address = `10.50.${Math.floor(Math.random() * 250)}.1`;
      const now = new Date();
      const limit = env().UNKNOT_SIGNUPS_PER_HOUR;
      expect(limit).toBe(10);
      // One real sign-up, which records its attempt, and the rest of the hour's allowance as rows.
      await signUp({ email: email(), password: "a-long-unusual-passphrase", timeZone: "UTC" }, address, now);
      expect(await db.signUpAttempt.count({ where: { ip: address } })).toBe(1);
      await db.signUpAttempt.createMany({
        data: Array.from({ length: limit - 1 }, (_, i) => ({ ip: address, createdAt: new Date(now.getTime() - (i + 1) * 1000) })),
      });
      const before = await db.user.count();
      await expect(signUp({ email: email(), password: "a-long-unusual-passphrase", timeZone: "UTC" }, address, now)).rejects.toMatchObject({
        status: 429,
        message: expect.stringMatching(/Too many new accounts.*Try again in \d+ minutes/),
      });
      expect(await db.user.count()).toBe(before);
      await expect(signUp({ email: email(), password: "a-long-unusual-passphrase", timeZone: "UTC" }, `${address}0`, now)).resolves.toBeDefined();
      // An hour after the oldest of them, one more is allowed.
      await expect(
        signUp({ email: email(), password: "a-long-unusual-passphrase", timeZone: "UTC" }, address, new Date(now.getTime() + 60 * 60_000)),
      ).resolves.toBeDefined();
    }));
});

describe("signing in", () => {
  it("gives one message for an unknown email and for a wrong password", async () => {
    const u = await makeUser();
    await expect(authenticate({ email: u.email, password: "wrong-password-here" }, "10.0.0.1")).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(authenticate({ email: email(), password: "wrong-password-here" }, "10.0.0.1")).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(authenticate({ email: u.email, password: u.password }, "10.0.0.1")).resolves.toMatchObject({ id: u.id });
  });

  it("refuses further guesses for an email from one address after five failures, saying when to retry, even with the right password", async () => {
    const u = await makeUser();
    const now = new Date();
    for (let i = 0; i < 5; i++)
      await expect(authenticate({ email: u.email, password: "wrong-password-here" }, "10.1.0.1", now)).rejects.toThrow(WRONG_CREDENTIALS);
    const locked = authenticate({ email: u.email, password: u.password }, "10.1.0.1", now);
    await expect(locked).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/Try again in 15 minutes/) });
    // The lock lives in the database, so it is over once the window has passed.
    await expect(authenticate({ email: u.email, password: u.password }, "10.1.0.1", new Date(now.getTime() + 15 * 60_000 + 1000))).resolves.toMatchObject({
      id: u.id,
    });
  });

  it("lets the owner sign in from another address while a stranger's guesses are refused", async () => {
    const u = await makeUser();
    const now = new Date();
    for (let i = 0; i < 30; i++) await authenticate({ email: u.email, password: `guess-number-${i}` }, "10.4.0.66", now).catch(() => undefined);
    await expect(authenticate({ email: u.email, password: u.password }, "10.4.0.66", now)).rejects.toMatchObject({ status: 429 });
    await expect(authenticate({ email: u.email, password: u.password }, "10.4.0.7", now)).resolves.toMatchObject({ id: u.id });
  });

  it("refuses an email from every address only past 100 failures in an hour", async () => {
    const u = await makeUser();
    const now = new Date();
    // 99 failures spread over many addresses: still open to the owner.
    for (let i = 0; i < 99; i++)
      await db.signInAttempt.create({ data: { email: u.email, ip: `10.5.${i}.1`, success: false, createdAt: new Date(now.getTime() - i * 1000) } });
    await expect(authenticate({ email: u.email, password: u.password }, "10.6.0.1", now)).resolves.toMatchObject({ id: u.id });
    await db.signInAttempt.create({ data: { email: u.email, ip: "10.5.200.1", success: false, createdAt: now } });
    await expect(authenticate({ email: u.email, password: u.password }, "10.6.0.1", now)).rejects.toMatchObject({ status: 429 });
    await expect(authenticate({ email: u.email, password: u.password }, "10.6.0.1", new Date(now.getTime() + 61 * 60_000))).resolves.toMatchObject({
      id: u.id,
    });
  });

  it("refuses further attempts from one client address after twenty failures across emails", async () => {
    const ip = `10.2.${Math.floor(Math.random() * 250)}.7`;
    const now = new Date();
    for (let i = 0; i < 20; i++) await expect(authenticate({ email: email(), password: "wrong-password-here" }, ip, now)).rejects.toThrow(WRONG_CREDENTIALS);
    const u = await makeUser();
    await expect(authenticate({ email: u.email, password: u.password }, ip, now)).rejects.toMatchObject({ status: 429 });
    await expect(authenticate({ email: u.email, password: u.password }, "10.3.0.1", now)).resolves.toMatchObject({ id: u.id });
  });
});

describe("settings", () => {
  it("saves valid settings and refuses out-of-range or malformed values field by field, changing nothing", async () => {
    const u = await makeUser();
    const good = { desiredRetention: 0.85, newCardsPerDay: 20, maximumInterval: 365, dayRolloverHour: 3, timeZone: "Asia/Tokyo", enableFuzz: false };
    expect(await updateSettings(u.id, good)).toEqual(good);
    const bad = await updateSettings(u.id, {
      desiredRetention: 0.99,
      newCardsPerDay: -1,
      maximumInterval: 1.5,
      dayRolloverHour: 24,
      timeZone: "Nowhere/City",
      enableFuzz: "yes",
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidInput);
    const { fieldErrors } = bad as InvalidInput;
    expect(Object.keys(fieldErrors).sort()).toEqual(["dayRolloverHour", "desiredRetention", "enableFuzz", "maximumInterval", "newCardsPerDay", "timeZone"]);
    expect(fieldErrors.desiredRetention?.[0]).toBe("Choose at most 97%");
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(stored).toMatchObject(good);
  });

  it("applies to future scheduling only: due dates already set stay as they are", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const now = new Date("2026-04-01T10:00:00Z");
    await gradeReview(u.id, grade(card.id, card.version, Rating.Easy), now);
    const before = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    await updateSettings(u.id, { desiredRetention: 0.7, newCardsPerDay: 10, maximumInterval: 36500, dayRolloverHour: 4, timeZone: "UTC", enableFuzz: false });
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).due).toEqual(before.due);
    // The next grade of another card uses the new retention: a longer interval for Easy.
    const other = (await getReviewState(u.id, now)).card!;
    const easyAt70 = Date.parse(other.intervals.find((i) => i.rating === Rating.Easy)!.due);
    await updateSettings(u.id, { desiredRetention: 0.97, newCardsPerDay: 10, maximumInterval: 36500, dayRolloverHour: 4, timeZone: "UTC", enableFuzz: false });
    const easyAt97 = Date.parse((await getReviewState(u.id, now)).card!.intervals.find((i) => i.rating === Rating.Easy)!.due);
    expect(easyAt70).toBeGreaterThan(easyAt97);
  });
});

describe("authorization in the data-access layer", () => {
  it("never lets user B read, grade or undo user A's cards, whatever ids B sends", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const aCard = await firstCard(a.id);
    const r = await gradeReview(a.id, grade(aCard.id, aCard.version, Rating.Good));
    const aAfter = await db.card.findUniqueOrThrow({ where: { id: aCard.id } });

    await expect(gradeReview(b.id, grade(aCard.id, aAfter.version, Rating.Again))).rejects.toMatchObject({ status: 404 });
    await expect(undoReview(b.id, { logId: r.logId, sessionId: SESSION })).rejects.toMatchObject({ status: 404 });
    const bState = await getReviewState(b.id);
    const aIds = new Set((await db.card.findMany({ where: { userId: a.id }, select: { id: true } })).map((c) => c.id));
    expect(aIds.has(bState.card!.cardId)).toBe(false);
    expect(bState.lastLogId).toBeNull();

    expect(await db.card.findUniqueOrThrow({ where: { id: aCard.id } })).toEqual(aAfter);
    expect(await db.reviewLog.count({ where: { userId: a.id, undoneAt: null } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: b.id } })).toBe(0);
  });
});
