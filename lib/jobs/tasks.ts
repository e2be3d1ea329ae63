import type { MessagePort } from "node:worker_threads";
import { fitWeights, type FitInput, type FitResult } from "../optimizer/fit";
import { simulateWorkload, type WorkloadInput, type WorkloadPoint } from "../srs/workload";

// The CPU work of the background jobs, one export per task. Runs only in the worker-thread
// pool (lib/jobs/pool.ts), which bundles this file for the workers; nothing here touches the
// database.

export function workloadPoint(task: { input: WorkloadInput; retention: number }): WorkloadPoint {
  return simulateWorkload(task.input, task.retention);
}

// Progress goes back through `port` as { current, total }.
export async function optimize(task: FitInput & { port: MessagePort }): Promise<FitResult> {
  try {
    return await fitWeights(task, (current, total) => task.port.postMessage({ current, total }));
  } finally {
    task.port.close();
  }
}
