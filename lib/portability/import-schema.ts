import { z } from "zod";
import { settingsSchema } from "../settings/schema";
import { weightsSchema } from "../srs/weights-schema";
import { QUIZ_MAX_ANSWERS } from "../validation/quiz";

// The shape of an "unknot-export" version 1 document (lib/portability/export.ts), checked in full
// before an import writes anything. A real export meets the 32 MB body limit first (a review
// takes ~640 bytes of JSON, so about 50,000 fit); the caps bound what a hand-made document
// could ask the database to do, and the card cap is far above any catalogue.

export const IMPORT_LIMITS = {
  cards: 20_000,
  reviewLogs: 60_000,
  cardEvents: 60_000,
  quizAttempts: 20_000,
  parameterSets: 1_000,
  optimizeJobs: 5_000,
  checkIns: 20_000,
  lessonReads: 1_000,
} as const;

const MAX_COUNT = 1_000_000;
const MAX_DAYS = 1_000_000;
// 3,000 years of days: generous, yet far from anything a float could get wrong.
const MAX_STABILITY = 1_100_000;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must be a plain id");
const catalogCardId = z.string().min(1).max(120);
const date = z.iso.datetime({ offset: true, error: "must be an ISO date and time" }).transform((s) => new Date(s));
// How far ahead of this server's clock a past instant (a review, an action) may be: the
// exporting server's clock may run a little fast. Anything later is refused, since a review
// cannot have happened yet and the scheduler cannot count time from it.
export const IMPORT_CLOCK_ALLOWANCE_MS = 5 * 60_000;
const past = date.refine((d) => d.getTime() <= Date.now() + IMPORT_CLOCK_ALLOWANCE_MS, "is in the future (later than this server's clock allows)");
const count = (max = MAX_COUNT) => z.number().int().min(0).max(max);
const state = z.number().int().min(0).max(3);
const stability = z.number().min(0).max(MAX_STABILITY);
const difficulty = z.number().min(0).max(10);

const cardSchema = z.object({
  id,
  catalogCardId,
  addedAt: past,
  version: count(1_000_000_000),
  state,
  due: date,
  stability,
  difficulty,
  elapsedDays: count(MAX_DAYS),
  scheduledDays: count(MAX_DAYS),
  learningSteps: count(1_000),
  reps: count(),
  lapses: count(),
  lastReview: past.nullable(),
  // Deck control (suspend, bury, leech): absent from exports made before it existed.
  suspendedAt: date.nullable().default(null),
  buriedUntil: date.nullable().default(null),
  leech: z.boolean().default(false),
});

const reviewLogSchema = z.object({
  cardId: id,
  clientId: z.string().min(1).max(64),
  rating: z.number().int().min(1, "rating must be 1-4").max(4, "rating must be 1-4"),
  state,
  due: date,
  stability,
  difficulty,
  elapsedDays: count(MAX_DAYS),
  lastElapsedDays: count(MAX_DAYS),
  scheduledDays: count(MAX_DAYS),
  learningSteps: count(1_000),
  review: past,
  durationMs: count(3_600_000),
  reviewDay: count(3_000_000),
  prevDue: date,
  prevLastReview: past.nullable(),
  prevElapsedDays: count(MAX_DAYS),
  prevReps: count(),
  prevLapses: count(),
  prevVersion: count(1_000_000_000),
  nextState: state,
  nextDue: date,
  nextScheduledDays: count(MAX_DAYS),
  nextStability: stability,
  nextVersion: count(1_000_000_000),
  undoneAt: past.nullable(),
  leechChange: count(3).default(0),
  // The load the review's even-days pick read (lib/srs/load-balance.ts windowToJson).
  balance: z.string().max(4_000).nullable().default(null),
});

// A manual card action; `before` is the card's state before it, as the action stored it
// (lib/srs/cards/actions.ts): one level of named scalar fields. Anything nested is refused, so
// a document nested thousands of levels deep is a 400, not a stack overflow when stored.
const snapshotValue = z.union([z.string().max(64), z.number(), z.boolean(), z.null()], { error: "must be a plain value (a card field)" });
const cardEventSchema = z.object({
  cardId: id,
  batchId: z.string().min(1).max(64),
  kind: z.string().min(1).max(40),
  at: past,
  before: z.record(z.string().max(40), snapshotValue),
  version: count(1_000_000_000),
  undoneAt: past.nullable(),
});

const quizAttemptSchema = z
  .object({
    lessonSlug: z.string().min(1).max(80),
    clientId: z.string().min(1).max(64),
    score: count(100),
    total: z.number().int().min(1).max(100),
    answers: z.array(z.object({ questionId: z.string().min(1).max(80), chosen: z.string().min(1).max(200), correct: z.boolean() })).max(QUIZ_MAX_ANSWERS),
    createdAt: past,
  })
  .refine((q) => q.score <= q.total, { message: "score must not exceed total", path: ["score"] });

const parameterSetSchema = z.object({
  weights: weightsSchema.nullable(),
  source: z.string().min(1).max(40),
  createdAt: past,
});

const checkInSchema = z.object({
  studyDay: z.number().int().min(0).max(MAX_DAYS),
  score: z.number().int().min(0).max(10).nullable(),
  flare: z.boolean(),
  badDay: z.boolean(),
  sessionCards: count(10_000),
  postponed: count(MAX_COUNT),
  postponeBatchId: z.string().min(1).max(64).nullable(),
  createdAt: past,
});

const lessonReadSchema = z.object({ lessonSlug: z.string().min(1).max(80), readAt: past });

// Optimizer jobs are in the export but not imported: only their count is bounded.
const ignored = z.array(z.unknown());

export const exportDocumentSchema = z
  .object({
    format: z.literal("unknot-export", { error: "This file is not an Unknot export." }),
    version: z.literal(1, { error: "This export's version cannot be read by this server (it reads version 1)." }),
    settings: z.object({ ...settingsSchema.shape, fsrsWeights: weightsSchema.nullable() }),
    cards: z.array(cardSchema).max(IMPORT_LIMITS.cards, `at most ${IMPORT_LIMITS.cards} cards`),
    reviewLogs: z.array(reviewLogSchema).max(IMPORT_LIMITS.reviewLogs, `at most ${IMPORT_LIMITS.reviewLogs} review log entries`),
    cardEvents: z.array(cardEventSchema).max(IMPORT_LIMITS.cardEvents, `at most ${IMPORT_LIMITS.cardEvents} card actions`).default([]),
    quizAttempts: z.array(quizAttemptSchema).max(IMPORT_LIMITS.quizAttempts, `at most ${IMPORT_LIMITS.quizAttempts} quiz attempts`),
    parameterSets: z.array(parameterSetSchema).max(IMPORT_LIMITS.parameterSets, `at most ${IMPORT_LIMITS.parameterSets} parameter sets`),
    optimizeJobs: ignored.max(IMPORT_LIMITS.optimizeJobs).optional(),
    // Added after version 1 was first written: an older export has neither.
    checkIns: z.array(checkInSchema).max(IMPORT_LIMITS.checkIns, `at most ${IMPORT_LIMITS.checkIns} check-ins`).default([]),
    lessonReads: z.array(lessonReadSchema).max(IMPORT_LIMITS.lessonReads, `at most ${IMPORT_LIMITS.lessonReads} lessons read`).default([]),
  })
  .superRefine((doc, ctx) => {
    // The database's unique indexes would refuse these halfway through; say so up front.
    const firstRepeat = (values: string[]) => {
      const seen = new Set<string>();
      return values.findIndex((v) => (seen.has(v) ? true : (seen.add(v), false)));
    };
    const checks: [string, number][] = [
      ["cards", firstRepeat(doc.cards.map((c) => c.id))],
      ["cards", firstRepeat(doc.cards.map((c) => c.catalogCardId))],
      ["reviewLogs", firstRepeat(doc.reviewLogs.map((l) => l.clientId))],
      ["quizAttempts", firstRepeat(doc.quizAttempts.map((q) => q.clientId))],
      ["checkIns", firstRepeat(doc.checkIns.map((c) => String(c.studyDay)))],
      ["lessonReads", firstRepeat(doc.lessonReads.map((r) => r.lessonSlug))],
    ];
    for (const [list, at] of checks) {
      if (at >= 0) ctx.addIssue({ code: "custom", message: "repeats an earlier entry", path: [list, at] });
    }
    const cardIds = new Set(doc.cards.map((c) => c.id));
    const orphan = doc.reviewLogs.findIndex((l) => !cardIds.has(l.cardId));
    if (orphan >= 0) ctx.addIssue({ code: "custom", message: "names a card that is not in the export", path: ["reviewLogs", orphan, "cardId"] });
    const orphanEvent = doc.cardEvents.findIndex((e) => !cardIds.has(e.cardId));
    if (orphanEvent >= 0) ctx.addIssue({ code: "custom", message: "names a card that is not in the export", path: ["cardEvents", orphanEvent, "cardId"] });
  });

export type ExportDocument = z.output<typeof exportDocumentSchema>;

// One line for the user: where the first problem is and what it is.
export function describeImportError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue || issue.path.length === 0) return "This file is not an Unknot export.";
  const [head] = issue.path;
  if (head === "format" || head === "version") return issue.message;
  const where = issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${String(p)}` : String(p))).join("");
  return `The export is not valid at ${where}: ${issue.message.replace(/\.$/, "")}.`;
}

// The import route's answer to a document that fails the schema (see userRoute's `invalid`).
export const invalidImport = (error: z.ZodError): string => `${describeImportError(error)} Nothing was imported.`;
