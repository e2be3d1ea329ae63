import "server-only";

// The jobs' runner: a job's rows in the database are its queue, so a job started on one server
// is seen, and may be run, by any other. Each kind of job has one loop per server process that
// claims the oldest queued job with a conditional update (so every job runs once, whichever
// server claims it), runs it, then the next. A job left "running" by a server that stopped is
// queued again once its heartbeat is old (`requeueStale`). lib/jobs/start.ts starts the loops.

export type JobKind<J> = {
  name: string;
  // Claims the oldest queued job, or returns null when none is left.
  claimNext(): Promise<J | null>;
  run(job: J): Promise<void>;
  // Queues again the jobs whose runner stopped; returns how many.
  requeueStale(now: Date): Promise<number>;
};

export type JobRunner = {
  // Starts the loop unless it is running; resolves when the queue is empty.
  kick(): Promise<void>;
  idle(): Promise<void>;
  // Re-queues stale jobs, then drains the queue.
  sweep(): Promise<void>;
};

type LoopState = { loop: Promise<void> | null; recovered: boolean; again?: boolean };
const g = globalThis as unknown as { unknotJobLoops?: Record<string, LoopState> };
const loops = (g.unknotJobLoops ??= {});

export function jobRunner<J>(kind: JobKind<J>): JobRunner {
  const state = (loops[kind.name] ??= { loop: null, recovered: false });

  async function drain(): Promise<void> {
    if (!state.recovered) {
      await kind.requeueStale(new Date());
      state.recovered = true;
    }
    for (let job = await kind.claimNext(); job; job = await kind.claimNext()) await kind.run(job);
  }

  function kick(): Promise<void> {
    if (state.loop) {
      // A job queued while the loop finishes would otherwise wait for the next sweep.
      state.again = true;
      return state.loop;
    }
    state.loop = drain()
      .catch((e: unknown) => console.error(`${kind.name} jobs`, e))
      .finally(() => {
        state.loop = null;
        if (state.again) {
          state.again = false;
          void kick();
        }
      });
    return state.loop;
  }

  return {
    kick,
    idle: () => state.loop ?? Promise.resolve(),
    sweep: async () => {
      await kind.requeueStale(new Date());
      await kick();
    },
  };
}
