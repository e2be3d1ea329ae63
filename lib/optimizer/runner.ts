import "server-only";
import { MessageChannel } from "node:worker_threads";
import { default_w } from "ts-fsrs";
import { db } from "../db";
import { jobRunner } from "../jobs/runner";
import { runTask } from "../jobs/pool";
import { checkWeights, parseStoredWeights } from "../srs/weights";
import { loadDatedSequences } from "./data";
import { readSettings } from "../settings";
import type { FitResult } from "./fit";
import { countItems, FULL_TRAINING_MIN_ITEMS, type Review } from "./items";

// "Optimize my schedule" as a kind of job (lib/jobs/): OptimizeJob rows are the queue, each
// server's loop takes the oldest queued one, and the fit itself runs in the jobs' worker-thread
// pool so the event loop keeps serving requests meanwhile. Claiming a job is a conditional
// update, so with several servers on one database every job runs once.

// ts-fsrs uses the 10-minute relearning step by default: one step.
const NUM_RELEARNING_STEPS = 1;
const PROGRESS_WRITE_MS = 400;
// A running job not touched for this long was left by a server that stopped.
export const STALE_JOB_MS = 5 * 60_000;
const HEARTBEAT_MS = 30_000;

// Fits the weights in the worker pool; onProgress gets a fraction 0..1. `newEval` measures the
// fitting on held-out later reviews and `defaultEval` the parameters in use (the learner's own,
// or the standard ones) on the same reviews, so that a result is offered only when it predicts
// better than what the learner has (lib/optimizer/verdict.ts).
function fitInPool(
  { sequences, lastDays }: { sequences: Review[][]; lastDays: number[] },
  onProgress: (fraction: number) => void,
  currentWeights: number[],
): Promise<FitResult> {
  const { port1, port2 } = new MessageChannel();
  port1.on("message", (m: { current: number; total: number }) => onProgress(m.total > 0 ? Math.min(1, m.current / m.total) : 0));
  return runTask("optimize", { sequences, lastDays, currentWeights, numRelearningSteps: NUM_RELEARNING_STEPS, port: port2 }, [port2]).finally(() =>
    port1.close(),
  );
}

async function setJob(id: string, data: Parameters<typeof db.optimizeJob.updateMany>[0]["data"]) {
  // updateMany: the user may have deleted their account (and the job) meanwhile.
  await db.optimizeJob.updateMany({ where: { id }, data });
}

async function runJob(job: { id: string; userId: string }): Promise<void> {
  try {
    const [dated, user] = await Promise.all([loadDatedSequences(job.userId), readSettings(job.userId)]);
    const current = parseStoredWeights(user.fsrsWeights) ?? [...default_w];
    const items = countItems(dated.sequences);
    await setJob(job.id, { items, progress: 0.02 });
    if (items < FULL_TRAINING_MIN_ITEMS) {
      await setJob(job.id, {
        status: "failed",
        finishedAt: new Date(),
        message: `Not enough review history yet: ${items} training item${items === 1 ? "" : "s"}; at least ${FULL_TRAINING_MIN_ITEMS} are needed.`,
      });
      return;
    }
    let lastWrite = 0;
    let progress = 0.05;
    // Keeps updatedAt fresh even when the fit reports no progress for a while.
    const heartbeat = setInterval(() => void setJob(job.id, { progress }).catch(() => undefined), HEARTBEAT_MS);
    const result = await fitInPool(
      dated,
      (fraction) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_WRITE_MS) return;
        lastWrite = now;
        progress = 0.05 + 0.9 * fraction;
        void setJob(job.id, { progress }).catch((e: unknown) => console.error("optimizer progress", e));
      },
      current,
    ).finally(() => clearInterval(heartbeat));
    const weights = checkWeights(result.weights);
    await setJob(job.id, {
      status: "done",
      progress: 1,
      items: result.items,
      weights: JSON.stringify(weights),
      defaultLogLoss: result.defaultEval.logLoss,
      defaultRmse: result.defaultEval.rmseBins,
      newLogLoss: result.newEval.logLoss,
      newRmse: result.newEval.rmseBins,
      finishedAt: new Date(),
      message: null,
    });
  } catch (e) {
    console.error("optimizer job failed", e);
    await setJob(job.id, {
      status: "failed",
      finishedAt: new Date(),
      message: "The optimizer could not finish. Your schedule is unchanged; please try again later.",
    });
  }
}

async function claimNext(): Promise<{ id: string; userId: string } | null> {
  for (;;) {
    const next = await db.optimizeJob.findFirst({ where: { status: "queued" }, orderBy: { createdAt: "asc" }, select: { id: true, userId: true } });
    if (!next) return null;
    const claimed = await db.optimizeJob.updateMany({ where: { id: next.id, status: "queued" }, data: { status: "running", progress: 0.01 } });
    if (claimed.count === 1) return next;
  }
}

export async function requeueStaleJobs(now = new Date()): Promise<number> {
  const r = await db.optimizeJob.updateMany({
    where: { status: "running", updatedAt: { lt: new Date(now.getTime() - STALE_JOB_MS) } },
    data: { status: "queued", progress: 0 },
  });
  return r.count;
}

export const optimizerJobs = jobRunner({ name: "optimizer", claimNext, run: runJob, requeueStale: requeueStaleJobs });
export const kickOptimizer = optimizerJobs.kick;
export const optimizerIdle = optimizerJobs.idle;
