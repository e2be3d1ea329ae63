import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { default_w } from "ts-fsrs";
import { db } from "../db";
import { checkWeights, parseStoredWeights } from "../srs/weights";
import { loadSequences } from "./data";
import { countItems, FULL_TRAINING_MIN_ITEMS, type Review } from "./items";

// A small in-process job queue: OptimizeJob rows are the queue, and one loop per server
// process takes the oldest queued job, runs it, then the next. Global concurrency is 1,
// so one user's long fit cannot starve the others' requests of CPU, and the fit itself
// runs in a worker thread so the event loop keeps serving requests meanwhile.
// With several servers on one database each runs its own loop; claiming a job is a
// conditional update, so every job runs once.

const WORKER_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "optimizer", "worker.mjs");
// ts-fsrs uses the 10-minute relearning step by default: one step.
const NUM_RELEARNING_STEPS = 1;
const PROGRESS_WRITE_MS = 400;
// A running job not touched for this long was left by a server that stopped.
export const STALE_JOB_MS = 5 * 60_000;
const HEARTBEAT_MS = 30_000;

type RunnerState = { loop: Promise<void> | null; recovered: boolean; sweeping?: boolean };
const g = globalThis as unknown as { unknotOptimizer?: RunnerState };
const state: RunnerState = (g.unknotOptimizer ??= { loop: null, recovered: false });

export type Evaluation = { logLoss: number; rmseBins: number };
export type FitResult = { items: number; weights: number[]; defaultEval: Evaluation; newEval: Evaluation };

type WorkerMessage = { type: "progress"; current: number; total: number } | { type: "error"; message: string } | ({ type: "done" } & FitResult);

// Fits the weights in a worker thread; onProgress gets a fraction 0..1. `defaultEval` measures
// the parameters in use (the learner's own, or the standard ones), so that a result is offered
// only when it predicts better than what the learner has (lib/optimizer/verdict.ts).
export function fitInWorker(sequences: Review[][], onProgress: (fraction: number) => void, currentWeights: number[] = [...default_w]): Promise<FitResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { sequences, currentWeights, numRelearningSteps: NUM_RELEARNING_STEPS } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "progress") onProgress(m.total > 0 ? Math.min(1, m.current / m.total) : 0);
      else if (m.type === "error") finish(() => reject(new Error(m.message)));
      else finish(() => resolve({ items: m.items, weights: m.weights, defaultEval: m.defaultEval, newEval: m.newEval }));
    });
    worker.on("error", (e) => finish(() => reject(e)));
    worker.on("exit", (code) => finish(() => reject(new Error(`optimizer worker exited with code ${code}`))));
  });
}

async function setJob(id: string, data: Parameters<typeof db.optimizeJob.updateMany>[0]["data"]) {
  // updateMany: the user may have deleted their account (and the job) meanwhile.
  await db.optimizeJob.updateMany({ where: { id }, data });
}

async function runJob(job: { id: string; userId: string }): Promise<void> {
  try {
    const [sequences, user] = await Promise.all([loadSequences(job.userId), db.user.findUnique({ where: { id: job.userId }, select: { fsrsWeights: true } })]);
    const current = parseStoredWeights(user?.fsrsWeights ?? null) ?? [...default_w];
    const items = countItems(sequences);
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
    const result = await fitInWorker(
      sequences,
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

async function drain(): Promise<void> {
  if (!state.recovered) {
    // A job left "running" by a server that stopped mid-fit is started again; a job another
    // live server is running keeps its fresh updatedAt and is left alone.
    await requeueStaleJobs();
    state.recovered = true;
  }
  for (let job = await claimNext(); job; job = await claimNext()) await runJob(job);
}

// Starts the loop unless it is already running; returns a promise for when the queue is empty.
export function kickOptimizer(): Promise<void> {
  if (!state.loop) {
    state.loop = drain()
      .catch((e: unknown) => console.error("optimizer runner", e))
      .finally(() => {
        state.loop = null;
        // A job queued while the loop was finishing would otherwise wait for the next kick.
        void db.optimizeJob.count({ where: { status: "queued" } }).then(
          (n) => (n ? kickOptimizer() : undefined),
          () => undefined,
        );
      });
  }
  return state.loop;
}

// Started once per server process by instrumentation.ts: drains the queue now, then looks
// again every minute, so a job queued by another server, or left "running" by a server that
// stopped, is taken up without any request having to start the loop.
const SWEEP_MS = 60_000;
export function startOptimizerRunner(): void {
  if (state.sweeping) return;
  state.sweeping = true;
  void kickOptimizer();
  const timer = setInterval(() => {
    void requeueStaleJobs()
      .then(() => kickOptimizer())
      .catch((e: unknown) => console.error("optimizer sweep", e));
  }, SWEEP_MS);
  timer.unref();
}

export const optimizerIdle = (): Promise<void> => state.loop ?? Promise.resolve();
