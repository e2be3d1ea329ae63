// Runs one optimisation off the main thread (a worker_threads Worker started by runner.ts):
// the fit itself is async in the binding, but building items and evaluate() are
// synchronous native calls that would otherwise block every request for their duration.
// Plain .mjs so Node loads it as it is, outside the Next.js bundle.
import { parentPort, workerData } from "node:worker_threads";
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";

/** @type {{ sequences: { rating: number, deltaT: number }[][], currentWeights: number[], numRelearningSteps: number }} */
const input = workerData;

try {
  const items = [];
  for (const seq of input.sequences) {
    const reviews = seq.map((r) => new FSRSBindingReview(r.rating, r.deltaT));
    // Same rule as itemPrefixLengths in items.ts.
    for (let i = 1; i < reviews.length; i++) {
      if (seq[i].deltaT > 0) items.push(new FSRSBindingItem(reviews.slice(0, i + 1)));
    }
  }
  const weights = await computeParameters(items, {
    enableShortTerm: true,
    numRelearningSteps: input.numRelearningSteps,
    timeout: 500,
    progress: (current, total) => {
      parentPort?.postMessage({ type: "progress", current, total });
    },
  });
  // The parameters in use (the learner's own, or the standard ones), measured on the same items.
  const before = new FSRSBinding(input.currentWeights).evaluate(items);
  const after = new FSRSBinding(weights).evaluate(items);
  parentPort?.postMessage({
    type: "done",
    items: items.length,
    weights: Array.from(weights),
    defaultEval: { logLoss: before.logLoss, rmseBins: before.rmseBins },
    newEval: { logLoss: after.logLoss, rmseBins: after.rmseBins },
  });
} catch (e) {
  parentPort?.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) });
}
