import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { accountJsonChunks } from "@/lib/portability/export";
import { importAccountJson } from "@/lib/portability/import";
import { exportDocumentSchema, invalidImport } from "@/lib/portability/import-schema";
import type { GradeInput } from "@/lib/validation/review";
import { getLesson } from "@/lib/content/load";
import { submitQuiz } from "@/lib/learn/quiz";
import { getDashboard } from "@/lib/progress/queries";
import { getReviewState, gradeReview, undoReview } from "@/lib/srs/review";
import { cardAction } from "@/lib/srs/cards/actions";
import { recordCheckIn } from "@/lib/srs/bad-day";
import { markLessonRead } from "@/lib/learn/mastery";
import { getStreak } from "@/lib/progress/summary";
import { grade, makeUser, SESSION, viaRoute } from "./helpers";
import { Rating } from "ts-fsrs";

// As POST /api/account/import does: the body parsed by the route's schema, then imported.
const importJson = async (userId: string, body: unknown) => importAccountJson(userId, viaRoute(exportDocumentSchema, body, invalidImport));

const T0 = new Date("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const NOW = at(3 * 24 * 60 + 30);
const WEIGHTS = [0.2, 1.2, 3.1, 15.7, 7.2, 0.53, 1.46, 0.005, 1.55, 0.12, 1.01, 1.93, 0.11, 0.3, 2.27, 0.23, 2.99, 0.52, 0.66, 0.16, 0.1];

// A learner with a few days of history: reviews over three days (one of them undone), a
// quiz with a wrong answer (which adds a card from another lesson), personal weights kept
// with the defaults they replaced, and their own time zone. Fuzz is off because it is seeded
// by card id, and an imported card gets a new id: with fuzz on, the intervals offered next
// may differ by a day or so, while every stored state is the same.
async function learnerWithHistory() {
  const a = await makeUser({ timeZone: "Europe/Berlin" });
  await db.user.update({
    where: { id: a.id },
    data: {
      dayRolloverHour: 5,
      newCardsPerDay: 12,
      enableFuzz: false,
      fsrsWeights: JSON.stringify(WEIGHTS),
      reviewsPerDay: 150,
      leechThreshold: 6,
      leechAction: "flag",
    },
  });
  await db.parameterSet.create({ data: { userId: a.id, weights: "null", source: "default", createdAt: at(-60) } });
  const gradeNext = async (now: Date, rating: GradeInput["rating"]) => {
    const { card } = await getReviewState(a.id, now);
    if (!card) throw new Error("nothing to review");
    return gradeReview(a.id, grade(card.cardId, card.version, rating, { durationMs: 3000 + rating * 700 }), now);
  };
  const { Again, Hard, Good, Easy } = Rating;
  const ratings = [Good, Again, Easy, Good, Hard, Good] as const;
  for (const [i, r] of ratings.entries()) await gradeNext(at(i), r);
  for (const [i, r] of ([Good, Good, Easy] as const).entries()) await gradeNext(at(24 * 60 + i), r);
  const last = await gradeNext(at(2 * 24 * 60), Rating.Again);
  await undoReview(a.id, { logId: last.logId, sessionId: SESSION }, at(2 * 24 * 60 + 1));
  await gradeNext(at(2 * 24 * 60 + 2), Rating.Good);
  // Deck control: one card suspended, another reset, each with its history entry.
  const reviewed = await db.card.findMany({ where: { userId: a.id, reps: { gt: 0 } }, orderBy: { catalogCardId: "asc" }, take: 2 });
  await cardAction(a.id, { action: "suspend", cardIds: [reviewed[0]!.id], resetCounts: false }, at(2 * 24 * 60 + 3));
  await cardAction(a.id, { action: "forget", cardIds: [reviewed[1]!.id], resetCounts: false }, at(2 * 24 * 60 + 4));
  await db.card.update({ where: { id: reviewed[1]!.id }, data: { leech: true } });
  const lesson = getLesson("cold-and-heat")!;
  await submitQuiz(
    a.id,
    {
      lessonSlug: lesson.slug,
      clientId: randomUUID(),
      answers: lesson.quiz.map((q, i) => ({ questionId: q.id, chosen: i === 0 ? q.choices.find((c) => c !== q.answer)! : q.answer })),
    },
    at(2 * 24 * 60 + 5),
  );
  return a;
}

async function exportOf(userId: string): Promise<Record<string, unknown> & { cards: Record<string, unknown>[]; reviewLogs: Record<string, unknown>[] }> {
  let raw = "";
  for await (const chunk of accountJsonChunks(userId, NOW)) raw += chunk;
  return JSON.parse(raw);
}

async function rowsOf(userId: string) {
  const [user, cards, logs, quizAttempts, parameterSets, optimizeJobs, cardEvents] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId } }),
    db.card.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.quizAttempt.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.parameterSet.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.optimizeJob.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.cardEvent.findMany({ where: { userId }, orderBy: { id: "asc" } }),
  ]);
  return { user, cards, logs, quizAttempts, parameterSets, optimizeJobs, cardEvents };
}

// Rows as another account would hold them: without ids, with cards named by catalogue id.
async function portable(userId: string) {
  const { user, cards, logs, quizAttempts, parameterSets, cardEvents } = await rowsOf(userId);
  const catalogueOf = new Map(cards.map((c) => [c.id, c.catalogCardId]));
  const { id: _u, email: _e, passwordHash: _p, createdAt: _c, sessionVersion: _s, name: _n, ...settings } = user;
  return {
    settings,
    cards: cards.map(({ id: _i, userId: _u, ...c }) => c).sort((x, y) => x.catalogCardId.localeCompare(y.catalogCardId)),
    // The study session a review was made in stays behind: it scopes undo on the device it came from.
    logs: logs
      .map(({ id: _i, userId: _u, cardId, sessionId: _x, ...l }) => ({ ...l, card: catalogueOf.get(cardId) }))
      .sort((x, y) => x.clientId.localeCompare(y.clientId)),
    quizAttempts: quizAttempts.map(({ id: _i, userId: _u, ...q }) => q),
    parameterSets: parameterSets.map(({ id: _i, userId: _u, ...p }) => p),
    cardEvents: cardEvents
      .map(({ id: _i, userId: _u, cardId, ...e }) => ({ ...e, card: catalogueOf.get(cardId) }))
      .sort((x, y) => x.at.getTime() - y.at.getTime()),
  };
}

async function reviewStateOf(userId: string) {
  const { card, lastLogId, ...rest } = await getReviewState(userId, NOW);
  const last = lastLogId ? await db.reviewLog.findUniqueOrThrow({ where: { id: lastLogId }, select: { clientId: true } }) : null;
  const cardRow = card ? await db.card.findUniqueOrThrow({ where: { id: card.cardId }, select: { catalogCardId: true } }) : null;
  return { ...rest, card: card ? { ...card, cardId: cardRow!.catalogCardId } : null, lastLog: last?.clientId ?? null };
}

describe("importing an Unknot export", () => {
  it("gives a fresh account the same cards, history and schedule as the exporting one", async () => {
    const a = await learnerWithHistory();
    const bystander = await learnerWithHistory();
    const aBefore = await rowsOf(a.id);
    const bystanderBefore = await rowsOf(bystander.id);
    const doc = await exportOf(a.id);

    const b = await makeUser();
    const summary = await importJson(b.id, doc);

    expect(summary).toEqual({ cards: aBefore.cards.length, reviewLogs: aBefore.logs.length, quizAttempts: 1, parameterSets: 1, skippedCards: 0 });
    const [pa, pb] = [await portable(a.id), await portable(b.id)];
    expect(pb.settings).toEqual(pa.settings);
    expect(pb.cards).toEqual(pa.cards);
    expect(pb.logs).toEqual(pa.logs);
    expect(pb.logs.filter((l) => l.undoneAt)).toHaveLength(1);
    expect(pb.quizAttempts).toEqual(pa.quizAttempts);
    expect(pb.parameterSets).toEqual(pa.parameterSets);
    expect(pb.cardEvents).toEqual(pa.cardEvents);
    expect(pb.cardEvents.map((e) => e.kind)).toEqual(["suspend", "forget"]);
    expect(pb.cards.filter((c) => c.suspendedAt)).toHaveLength(1);
    expect(pb.cards.filter((c) => c.leech)).toHaveLength(1);
    expect(pb.settings).toMatchObject({ reviewsPerDay: 150, leechThreshold: 6, leechAction: "flag" });
    expect(await db.optimizeJob.count({ where: { userId: b.id } })).toBe(0);

    expect(await reviewStateOf(b.id)).toEqual(await reviewStateOf(a.id));
    expect(await getDashboard(b.id, NOW)).toEqual(await getDashboard(a.id, NOW));

    expect(await rowsOf(a.id)).toEqual(aBefore);
    expect(await rowsOf(bystander.id)).toEqual(bystanderBefore);
  });

  it("carries the check-ins and the lessons read, so the streak and lesson levels come across, keeping what the account already has", async () => {
    const a = await learnerWithHistory();
    await recordCheckIn(a.id, { skip: false, score: 9, flare: true }, at(24 * 60 + 30));
    await markLessonRead(a.id, "cold-and-heat");
    const doc = await exportOf(a.id);
    expect(doc.checkIns).toHaveLength(1);
    expect(doc.lessonReads).toEqual([expect.objectContaining({ lessonSlug: "cold-and-heat" })]);

    const b = await makeUser();
    await markLessonRead(b.id, "cold-and-heat");
    await importJson(b.id, doc);
    const checkIns = (id: string) => db.backCheckIn.findMany({ where: { userId: id }, select: { studyDay: true, score: true, flare: true, badDay: true } });
    expect(await checkIns(b.id)).toEqual(await checkIns(a.id));
    expect(await db.lessonRead.count({ where: { userId: b.id } })).toBe(1);
    expect((await getStreak(b.id, NOW)).streak).toEqual((await getStreak(a.id, NOW)).streak);
  });

  it("keeps imported reviews out of reach of undo (they belong to no session here), and lets a review made after the import be undone", async () => {
    const a = await learnerWithHistory();
    const b = await makeUser();
    await importJson(b.id, await exportOf(a.id));
    const { lastLogId, card } = await getReviewState(b.id, NOW);
    await expect(undoReview(b.id, { logId: lastLogId!, sessionId: SESSION }, NOW)).rejects.toMatchObject({ status: 409 });
    // Card versions are kept on import, so grading and undoing carry on from them.
    const r = await gradeReview(b.id, grade(card!.cardId, card!.version, Rating.Good), NOW);
    expect(await undoReview(b.id, { logId: r.logId, sessionId: SESSION }, NOW)).toMatchObject({ replay: false });
  });

  it("refuses a second import, or any import into an account with reviews, and changes nothing", async () => {
    const a = await learnerWithHistory();
    const doc = await exportOf(a.id);
    const b = await makeUser();
    await importJson(b.id, doc);
    const after = await rowsOf(b.id);
    await expect(importJson(b.id, doc)).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/^Import works only into an account with no reviews yet/),
    });
    expect(await rowsOf(b.id)).toEqual(after);

    const aBefore = await rowsOf(a.id);
    await expect(importJson(a.id, doc)).rejects.toMatchObject({ status: 409 });
    expect(await rowsOf(a.id)).toEqual(aBefore);
  });

  it("lets only one of two imports sent at once through", async () => {
    const a = await learnerWithHistory();
    const doc = await exportOf(a.id);
    const b = await makeUser();
    const results = await Promise.allSettled([importJson(b.id, doc), importJson(b.id, doc)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await db.reviewLog.count({ where: { userId: b.id } })).toBe(doc.reviewLogs.length);
    expect(await db.quizAttempt.count({ where: { userId: b.id } })).toBe(1);
  });

  it("refuses an account whose only history is a quiz attempt", async () => {
    const a = await learnerWithHistory();
    const c = await makeUser();
    const lesson = getLesson("causes")!;
    await submitQuiz(c.id, { lessonSlug: lesson.slug, clientId: randomUUID(), answers: lesson.quiz.map((q) => ({ questionId: q.id, chosen: q.answer })) });
    await expect(importJson(c.id, await exportOf(a.id))).rejects.toMatchObject({ status: 409 });
    expect(await db.reviewLog.count({ where: { userId: c.id } })).toBe(0);
  });

  it("skips cards this server's catalogue lacks, with their reviews, and counts them", async () => {
    const a = await learnerWithHistory();
    const doc = await exportOf(a.id);
    const reviewed = doc.reviewLogs[0]!;
    const gone = { ...doc.cards.find((c) => c.id === reviewed.cardId)!, id: "card-from-elsewhere", catalogCardId: "a-card-this-server-never-had" };
    doc.cards.push(gone);
    doc.reviewLogs.push({ ...reviewed, cardId: gone.id, clientId: randomUUID() }, { ...reviewed, cardId: gone.id, clientId: randomUUID() });

    const b = await makeUser();
    const summary = await importJson(b.id, doc);
    expect(summary).toMatchObject({ skippedCards: 1, cards: doc.cards.length - 1, reviewLogs: doc.reviewLogs.length - 2 });
    expect(await db.card.count({ where: { userId: b.id, catalogCardId: "a-card-this-server-never-had" } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: b.id } })).toBe(doc.reviewLogs.length - 2);
  });

  it("writes nothing for a malformed document", async () => {
    const a = await learnerWithHistory();
    const b = await makeUser();
    const before = await rowsOf(b.id);
    const doc = await exportOf(a.id);
    doc.reviewLogs[doc.reviewLogs.length - 1]!.rating = 7;
    await expect(importJson(b.id, doc)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/reviewLogs\[\d+\]\.rating.*Nothing was imported/),
    });
    for (const bad of [null, "text", [doc], { ...doc, version: 2 }, { ...doc, cards: "all of them" }]) {
      await expect(importJson(b.id, bad)).rejects.toMatchObject({ status: 400 });
    }
    expect(await rowsOf(b.id)).toEqual(before);
  });

  it("leaves the account as it was when the database fails halfway", async () => {
    const a = await learnerWithHistory();
    const doc = await exportOf(a.id);
    const b = await makeUser();
    const before = await rowsOf(b.id);
    // Quiz attempts are written last, after the settings, cards, parameter sets, logs and card
    // actions (on SQLite each in a transaction of its own, undone by hand on failure).
    const real = db.$transaction.bind(db) as (fn: (tx: object) => Promise<unknown>, options?: object) => Promise<unknown>;
    type Exec = (q: { strings: readonly string[] }) => Promise<number>;
    const failLast = (tx: object) =>
      new Proxy(tx, {
        get: (t, key) => {
          const value = Reflect.get(t, key);
          if (key !== "$executeRaw") return value;
          return ((q) =>
            q.strings.join("?").includes('INSERT INTO "QuizAttempt"') ? Promise.reject(new Error("disk full")) : (value as Exec).call(t, q)) as Exec;
        },
      });
    const spy = vi
      .spyOn(db, "$transaction")
      .mockImplementation(((fn: (tx: object) => Promise<unknown>, options?: object) => real((tx) => fn(failLast(tx)), options)) as never);
    try {
      await expect(importJson(b.id, doc)).rejects.toThrow("disk full");
    } finally {
      spy.mockRestore();
    }
    expect(await rowsOf(b.id)).toEqual(before);
  });

  it("refuses a review or card dated in the future, saying where, and writes nothing", async () => {
    const a = await learnerWithHistory();
    const b = await makeUser();
    const before = await rowsOf(b.id);
    const doc = await exportOf(a.id);
    const reviewed = doc.cards.findIndex((c) => c.lastReview !== null);
    doc.cards[reviewed]!.lastReview = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await expect(importJson(b.id, doc)).rejects.toMatchObject({
      status: 400,
      message: `The export is not valid at cards[${reviewed}].lastReview: is in the future (later than this server's clock allows). Nothing was imported.`,
    });
    const logDoc = await exportOf(a.id);
    logDoc.reviewLogs[0]!.review = new Date(Date.now() + 3_600_000).toISOString();
    await expect(importJson(b.id, logDoc)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^The export is not valid at reviewLogs\[0\]\.review: is in the future/),
    });
    expect(await rowsOf(b.id)).toEqual(before);
  });

  it("refuses a document nested thousands of levels deep with a 400, not a crash", async () => {
    const a = await learnerWithHistory();
    const b = await makeUser();
    const before = await rowsOf(b.id);
    const doc = (await exportOf(a.id)) as unknown as { cardEvents: { before: unknown }[] };
    const depth = 20_000;
    doc.cardEvents[0]!.before = JSON.parse('{"a":'.repeat(depth) + "1" + "}".repeat(depth));
    await expect(importJson(b.id, doc)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^The export is not valid at cardEvents\[0\]\.before\.a: /),
    });
    expect(await rowsOf(b.id)).toEqual(before);
  });
});
