import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { db } from "@/lib/db";
import { accountJsonStream, reviewCsvChunks, reviewCsvStream } from "@/lib/portability/export";
import { REVIEW_CSV_HEADER } from "@/lib/portability/csv";
import { deleteAccount } from "@/lib/portability/delete";
import { authenticate } from "@/lib/auth/accounts";
import { countItems } from "@/lib/optimizer/items";
import { loadSequences } from "@/lib/optimizer/data";
import { makeUser } from "./helpers";
import { seedHistory, text } from "./progress-fixtures";

const START = new Date("2026-01-01T00:00:00Z");

async function userWithData() {
  const u = await makeUser();
  const { logs } = await seedHistory(u.id, { cards: 20, days: 30, start: START, seed: 11 });
  const undone = await db.reviewLog.findFirstOrThrow({ where: { userId: u.id }, orderBy: { review: "desc" } });
  await db.reviewLog.update({ where: { id: undone.id }, data: { undoneAt: new Date() } });
  await db.quizAttempt.create({ data: { userId: u.id, lessonSlug: "causes", clientId: randomUUID(), score: 4, total: 5, answers: "[]" } });
  await db.parameterSet.create({ data: { userId: u.id, weights: "null", source: "default" } });
  await db.optimizeJob.create({ data: { userId: u.id, status: "failed", message: "x" } });
  return { u, logs, undone };
}

describe("exporting", () => {
  it("writes the review log as optimizer CSV without undone reviews, readable by the FSRS binding", async () => {
    const { u, logs, undone } = await userWithData();
    const csv = await text(await reviewCsvStream(u.id));
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(REVIEW_CSV_HEADER);
    expect(lines.length - 1).toBe(logs.length - 1);
    expect(csv).not.toContain(`,${undone.review.getTime()},`);
    for (const line of lines.slice(1)) expect(line).toMatch(/^[a-z0-9]+,\d{13},[1-4],[0-3],\d+$/);
    const cardIds = new Set((await db.card.findMany({ where: { userId: u.id }, select: { id: true } })).map((c) => c.id));
    expect(lines.slice(1).every((l) => cardIds.has(l.split(",")[0]!))).toBe(true);
    // The binding reads it and finds the items the optimizer job would train on.
    const items = convertCsvToFsrsItems(Buffer.from(csv), 4, "UTC", () => 0);
    expect(items.length).toBe(countItems(await loadSequences(u.id)));
  });

  it("pages through the log in review order, each row once", async () => {
    const u = await makeUser();
    const { logs } = await seedHistory(u.id, { cards: 60, days: 60, start: START, newPerDay: 6 });
    let csv = "";
    let chunks = 0;
    for await (const chunk of reviewCsvChunks(u.id, 37)) {
      csv += chunk;
      chunks++;
    }
    expect(chunks).toBe(1 + Math.ceil(logs.length / 37));
    const lines = csv.trimEnd().split("\n").slice(1);
    expect(new Set(lines).size).toBe(logs.length);
    const times = lines.map((l) => Number(l.split(",")[1]));
    expect(times.length).toBe(logs.length);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it("exports all of the user's data as JSON, without the password hash and without anyone else's rows", async () => {
    const { u, logs } = await userWithData();
    const other = await userWithData();
    const raw = await text(await accountJsonStream(u.id));
    expect(raw).not.toMatch(/passwordHash|argon2/);
    const data = JSON.parse(raw) as Record<string, unknown[]> & { profile: { id: string; email: string }; settings: Record<string, unknown> };
    expect(data.profile).toMatchObject({ id: u.id, email: u.email });
    expect(data.settings).toMatchObject({ timeZone: "UTC", dayRolloverHour: 4, fsrsWeights: null });
    expect(data.cards!.length).toBe(await db.card.count({ where: { userId: u.id } }));
    expect(data.reviewLogs!.length).toBe(logs.length); // undone ones included, flagged by undoneAt
    expect(data.reviewLogs!.filter((l) => (l as { undoneAt: string | null }).undoneAt).length).toBe(1);
    expect(data.quizAttempts!.length).toBe(1);
    expect(data.parameterSets!.length).toBe(1);
    expect(data.optimizeJobs!.length).toBe(1);
    expect(raw).not.toContain(other.u.id);
    const csvB = await text(await reviewCsvStream(other.u.id));
    for (const c of data.cards as { id: string }[]) expect(csvB).not.toContain(c.id);
  });

  it("refuses an export for an account that no longer exists", async () => {
    await expect(reviewCsvStream("no-such-user")).rejects.toMatchObject({ status: 401 });
  });
});

async function rowsOf(userId: string, email: string) {
  const [user, card, reviewLog, quizAttempt, parameterSet, optimizeJob, signInAttempt] = await Promise.all([
    db.user.count({ where: { id: userId } }),
    db.card.count({ where: { userId } }),
    db.reviewLog.count({ where: { userId } }),
    db.quizAttempt.count({ where: { userId } }),
    db.parameterSet.count({ where: { userId } }),
    db.optimizeJob.count({ where: { userId } }),
    db.signInAttempt.count({ where: { email } }),
  ]);
  return { user, card, reviewLog, quizAttempt, parameterSet, optimizeJob, signInAttempt };
}

describe("deleting an account", () => {
  it("keeps everything when the password is wrong, with a message on the password field", async () => {
    const { u } = await userWithData();
    const before = await rowsOf(u.id, u.email);
    await expect(deleteAccount(u.id, { password: "not-my-password" })).rejects.toMatchObject({
      fieldErrors: { password: [expect.stringMatching(/not right.*Nothing was deleted/)] },
    });
    const after = await rowsOf(u.id, u.email);
    expect({ ...after, signInAttempt: 0 }).toEqual({ ...before, signInAttempt: 0 });
    expect(after.signInAttempt).toBe(before.signInAttempt + 1); // throttled like a sign-in
    await expect(deleteAccount(u.id, { password: "" })).rejects.toMatchObject({ fieldErrors: { password: [expect.any(String)] } });
    expect(await db.user.count({ where: { id: u.id } })).toBe(1);
  });

  it("removes every row of the user, and only theirs, with the right password", async () => {
    const { u } = await userWithData();
    const other = await userWithData();
    await authenticate({ email: u.email, password: "wrong-password-here" }, "127.0.0.1").catch(() => undefined);
    const otherBefore = await rowsOf(other.u.id, other.u.email);
    expect((await rowsOf(u.id, u.email)).signInAttempt).toBeGreaterThan(0);

    await deleteAccount(u.id, { password: u.password });
    expect(await rowsOf(u.id, u.email)).toEqual({ user: 0, card: 0, reviewLog: 0, quizAttempt: 0, parameterSet: 0, optimizeJob: 0, signInAttempt: 0 });
    expect(await rowsOf(other.u.id, other.u.email)).toEqual(otherBefore);
    await expect(authenticate({ email: u.email, password: u.password }, "127.0.0.1")).rejects.toMatchObject({ status: 401 });
  });
});
