import "server-only";
import { z } from "zod";
import { sql } from "kysely";
import { db, kdb } from "../db";
import { UserError } from "../errors";
import { checkWeights, parseStoredWeights } from "../srs/weights";
import { countTrainingItems, type ItemCount } from "./data";
import { FULL_TRAINING_MIN_ITEMS } from "./items";
import { kickOptimizer } from "./runner";
import { improvementPercent } from "./verdict";
import { settingsOf, type SettingsRef } from "../settings";

// The user-facing side of "Optimize my schedule": every function takes the session's user
// id first and scopes every query by it, so one user can never see or apply another's job.

export type JobView = {
  id: string;
  status: "queued" | "running" | "done" | "failed" | "applied" | "dismissed";
  progress: number;
  message: string | null;
  items: number;
  weights: number[] | null;
  // The parameters in use when the job ran (the learner's own, or the standard ones).
  defaultEval: { logLoss: number; rmseBins: number } | null;
  newEval: { logLoss: number; rmseBins: number } | null;
  createdAt: string;
  finishedAt: string | null;
};

type JobRow = NonNullable<Awaited<ReturnType<typeof db.optimizeJob.findFirst>>>;

const evalOf = (logLoss: number | null, rmse: number | null) => (logLoss != null && rmse != null ? { logLoss, rmseBins: rmse } : null);

export function toJobView(j: JobRow): JobView {
  return {
    id: j.id,
    status: j.status as JobView["status"],
    progress: j.progress,
    message: j.message,
    items: j.items,
    weights: j.weights ? (JSON.parse(j.weights) as number[]) : null,
    defaultEval: evalOf(j.defaultLogLoss, j.defaultRmse),
    newEval: evalOf(j.newLogLoss, j.newRmse),
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export const notEnoughDataMessage = (items: number) =>
  `Personal parameters need at least ${FULL_TRAINING_MIN_ITEMS} training items (reviews of a card on a later study day than its first review); you have ${items} so far. Keep reviewing and come back later.`;

export type ParameterStatus = {
  threshold: number;
  count: ItemCount;
  personal: boolean;
  canRestore: boolean;
  restoreTo: "defaults" | "earlier" | null;
  latestJob: JobView | null;
  // Cards flagged as leeches, for the health check's advice.
  leeches: number;
};

// A pure read: the job runner is started at server start (instrumentation.ts), not by pages.
export async function getParameterStatus(userRef: SettingsRef): Promise<ParameterStatus> {
  // Kysely, not Prisma Client: /progress reads this on every visit (docs/data.md). The weights
  // come with the session user's settings.
  const user = await settingsOf(userRef);
  const userId = user.id;
  const [count, previous, job, leeches] = await Promise.all([
    countTrainingItems(userId),
    kdb
      .selectFrom("ParameterSet")
      .select("weights")
      .where("userId", "=", userId)
      .orderBy("createdAt", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst(),
    kdb.selectFrom("OptimizeJob").selectAll().where("userId", "=", userId).orderBy("createdAt", "desc").orderBy("id", "desc").limit(1).executeTakeFirst(),
    kdb
      .selectFrom("Card")
      .select((e) => e.fn.countAll().as("n"))
      .where("userId", "=", userId)
      .where("leech", "=", sql.lit(true))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
  ]);
  return {
    threshold: FULL_TRAINING_MIN_ITEMS,
    count,
    personal: user.fsrsWeights != null,
    canRestore: previous != null,
    restoreTo: previous ? (JSON.parse(previous.weights) == null ? "defaults" : "earlier") : null,
    latestJob: job ? toJobView(job) : null,
    leeches,
  };
}

// Queues a job (or returns the one already queued or running for this user).
export async function requestOptimization(userId: string): Promise<JobView> {
  const pending = await db.optimizeJob.findFirst({ where: { userId, status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" } });
  if (pending) {
    void kickOptimizer();
    return toJobView(pending);
  }
  const count = await countTrainingItems(userId);
  if (!count.enough) throw new UserError(notEnoughDataMessage(count.items), 422);
  const job = await db.optimizeJob.create({ data: { userId, status: "queued", items: count.exact ? count.items : 0 } });
  void kickOptimizer();
  return toJobView(job);
}

export async function getJob(userId: string, jobId: string): Promise<JobView> {
  const job = await db.optimizeJob.findFirst({ where: { id: jobId, userId } });
  if (!job) throw new UserError("No such optimisation job.", 404);
  return toJobView(job);
}

export const jobIdSchema = z.strictObject({ jobId: z.string().min(1).max(64) });

// Parsed by the route (jobIdSchema).
type JobIdInput = z.output<typeof jobIdSchema>;

// Apply: the new weights become the user's, and the weights they replace are kept as a
// ParameterSet ("null" = the ts-fsrs defaults) so that "Restore" can bring them back.
// Only future scheduling changes; cards keep their due dates.
export async function applyJob(userId: string, { jobId }: JobIdInput): Promise<{ weights: number[] }> {
  return db.$transaction(async (tx) => {
    const job = await tx.optimizeJob.findFirst({ where: { id: jobId, userId } });
    if (!job) throw new UserError("No such optimisation job.", 404);
    if (job.status !== "done" || !job.weights) throw new UserError("This result can no longer be applied.", 409);
    const before = evalOf(job.defaultLogLoss, job.defaultRmse);
    const after = evalOf(job.newLogLoss, job.newRmse);
    // The panel offers Apply only then (lib/optimizer/verdict.ts); a stale page cannot either.
    if (before && after && improvementPercent(before, after) <= 0)
      throw new UserError("These parameters do not predict your memory better than the ones you use, so they were not applied.", 409);
    const weights = checkWeights(JSON.parse(job.weights));
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { fsrsWeights: true } });
    await tx.parameterSet.create({ data: { userId, weights: user.fsrsWeights ?? "null", source: user.fsrsWeights ? "personal" : "default" } });
    await tx.user.update({ where: { id: userId }, data: { fsrsWeights: JSON.stringify(weights) } });
    await tx.optimizeJob.update({ where: { id: job.id }, data: { status: "applied" } });
    return { weights };
  });
}

export async function dismissJob(userId: string, { jobId }: JobIdInput): Promise<{ dismissed: true }> {
  const r = await db.optimizeJob.updateMany({ where: { id: jobId, userId, status: { in: ["done", "failed"] } }, data: { status: "dismissed" } });
  if (r.count !== 1) throw new UserError("No such optimisation result to dismiss.", 404);
  return { dismissed: true };
}

// Restores the weights in use before the last Apply and removes that saved set, so each
// Restore steps back one Apply; null means back to the ts-fsrs defaults.
export async function restorePrevious(userId: string): Promise<{ weights: number[] | null }> {
  return db.$transaction(async (tx) => {
    const previous = await tx.parameterSet.findFirst({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (!previous) throw new UserError("There are no earlier parameters to restore.", 409);
    const weights = parseStoredWeights(previous.weights === "null" ? null : previous.weights);
    await tx.user.update({ where: { id: userId }, data: { fsrsWeights: weights ? JSON.stringify(weights) : null } });
    await tx.parameterSet.delete({ where: { id: previous.id } });
    return { weights };
  });
}
