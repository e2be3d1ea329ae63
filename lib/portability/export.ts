import "server-only";
import { db } from "../db";
import { UserError } from "../errors";
import { REVIEW_CSV_HEADER, reviewCsvLine } from "./csv";
import { readSettings } from "../settings";

// Exports stream their rows and read the review log a page at a time (keyset on
// review + id, index userId+review), so 100,000 logs never sit in memory at once.

const PAGE_SIZE = 2000;
const enc = new TextEncoder();

type LogPage<T> = (after: { review: Date; id: string } | null) => Promise<(T & { review: Date; id: string })[]>;

async function* pages<T>(read: LogPage<T>, size: number): AsyncGenerator<(T & { review: Date; id: string })[]> {
  let after: { review: Date; id: string } | null = null;
  for (;;) {
    const rows = await read(after);
    if (!rows.length) return;
    yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = { review: last.review, id: last.id };
  }
}

const afterWhere = (after: { review: Date; id: string } | null) =>
  after ? { OR: [{ review: { gt: after.review } }, { review: after.review, id: { gt: after.id } }] } : {};

function reviewPages<S extends Record<string, true>>(userId: string, select: S, size: number) {
  return pages(
    (after) =>
      db.reviewLog.findMany({
        where: { userId, undoneAt: null, ...afterWhere(after) },
        orderBy: [{ review: "asc" }, { id: "asc" }],
        take: size,
        select: { ...select, review: true, id: true },
      }) as never,
    size,
  );
}

function streamOf(gen: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await gen.next();
        if (done) controller.close();
        else controller.enqueue(enc.encode(value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await gen.return(undefined);
    },
  });
}

async function requireUserRow(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, createdAt: true } });
  if (!user) throw new UserError("Your account no longer exists.", 401);
  return user;
}

export async function* reviewCsvChunks(userId: string, pageSize = PAGE_SIZE): AsyncGenerator<string> {
  yield REVIEW_CSV_HEADER + "\n";
  for await (const rows of reviewPages(userId, { cardId: true, rating: true, state: true, durationMs: true }, pageSize)) {
    yield rows.map((r) => reviewCsvLine(r as unknown as Parameters<typeof reviewCsvLine>[0]) + "\n").join("");
  }
}

export async function reviewCsvStream(userId: string): Promise<ReadableStream<Uint8Array>> {
  await requireUserRow(userId);
  return streamOf(reviewCsvChunks(userId));
}

// Everything the app holds about the user, as one JSON document: the profile (never the
// password hash), settings, cards, review logs (undone ones included, flagged by undoneAt,
// since they are part of the stored history), quiz attempts, parameter sets and jobs.
export async function* accountJsonChunks(userId: string, now = new Date()): AsyncGenerator<string> {
  const { id, email, name, createdAt } = await requireUserRow(userId);
  const { id: _id, fsrsWeights, ...settings } = await readSettings(userId);
  const head = {
    format: "unknot-export",
    version: 1,
    exportedAt: now.toISOString(),
    profile: { id, email, name, createdAt },
    settings: { ...settings, fsrsWeights: fsrsWeights ? (JSON.parse(fsrsWeights) as number[]) : null },
  };
  yield JSON.stringify(head).slice(0, -1);

  const cards = await db.card.findMany({ where: { userId }, orderBy: { id: "asc" }, omit: { userId: true } });
  yield `,"cards":${JSON.stringify(cards)}`;

  yield `,"reviewLogs":[`;
  let first = true;
  for await (const rows of pages(
    (after) =>
      db.reviewLog.findMany({
        where: { userId, ...afterWhere(after) },
        orderBy: [{ review: "asc" }, { id: "asc" }],
        take: PAGE_SIZE,
        omit: { userId: true, sessionId: true },
      }),
    PAGE_SIZE,
  )) {
    const body = rows.map((r) => JSON.stringify(r)).join(",");
    yield (first ? "" : ",") + body;
    first = false;
  }
  yield "]";

  // Manual card actions (suspend, bury, forget…), the card's history beside its reviews.
  const cardEvents = await db.cardEvent.findMany({ where: { userId }, orderBy: [{ at: "asc" }, { id: "asc" }], omit: { userId: true, id: true } });
  yield `,"cardEvents":${JSON.stringify(cardEvents.map((e) => ({ ...e, before: safeJson(e.before) })))}`;

  const [quizAttempts, parameterSets, optimizeJobs, checkIns, lessonReads] = await Promise.all([
    db.quizAttempt.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    db.parameterSet.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    db.optimizeJob.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    db.backCheckIn.findMany({ where: { userId }, orderBy: { studyDay: "asc" }, omit: { userId: true, id: true } }),
    db.lessonRead.findMany({ where: { userId }, orderBy: { readAt: "asc" }, omit: { userId: true } }),
  ]);
  yield `,"quizAttempts":${JSON.stringify(quizAttempts.map((q) => ({ ...q, answers: safeJson(q.answers) })))}`;
  yield `,"parameterSets":${JSON.stringify(parameterSets.map((p) => ({ ...p, weights: safeJson(p.weights) })))}`;
  yield `,"optimizeJobs":${JSON.stringify(optimizeJobs.map((j) => ({ ...j, weights: j.weights ? safeJson(j.weights) : null })))}`;
  yield `,"checkIns":${JSON.stringify(checkIns)},"lessonReads":${JSON.stringify(lessonReads)}}`;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

export async function accountJsonStream(userId: string): Promise<ReadableStream<Uint8Array>> {
  await requireUserRow(userId);
  return streamOf(accountJsonChunks(userId));
}

export const exportFileName = (kind: "revlog" | "data", ext: "csv" | "json", now = new Date()) => `unknot-${kind}-${now.toISOString().slice(0, 10)}.${ext}`;
