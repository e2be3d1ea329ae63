import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyJob, getJob, requestOptimization } from "@/lib/optimizer/jobs";
import { kickOptimizer, optimizerIdle } from "@/lib/optimizer/runner";
import { improvementPercent, KEEP_CURRENT, verdictOf } from "@/lib/optimizer/verdict";
import { makeUser } from "./helpers";
import { recallLearner as learner, seedHistory } from "./progress-fixtures";

const START = new Date("2026-01-01T00:00:00Z");
// The same history on every run: fuzz off, because fuzz is seeded by the Card row ids, which
// are new on every run, and with it each run judged another history (the fast forgetter's
// offer then ranged from 0% to 10% better, so it was sometimes not made).
const history = { cards: 60, days: 60, start: START, newPerDay: 6, fuzz: false };

async function optimise(userId: string) {
  const queued = await requestOptimization(userId);
  await kickOptimizer();
  await optimizerIdle();
  const job = await getJob(userId, queued.id);
  expect(job.status).toBe("done");
  return job;
}

describe("judging new parameters on held-out later reviews", () => {
  it("keeps the standard parameters for a learner whose memory they already predict, and will not apply the fit", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { ...history, ratingFor: learner(1, 11) });
    const job = await optimise(u.id);
    const verdict = verdictOf(job.defaultEval!, job.newEval!, false);
    expect(verdict).toEqual({ offer: false, message: KEEP_CURRENT });
    await expect(applyJob(u.id, { jobId: job.id })).rejects.toMatchObject({ status: 409 });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).fsrsWeights).toBeNull();
  }, 180_000);

  it("offers new parameters to a learner who forgets much faster than the standard model expects", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { ...history, ratingFor: learner(0.2, 11) });
    const job = await optimise(u.id);
    const verdict = verdictOf(job.defaultEval!, job.newEval!, false);
    expect(verdict.offer).toBe(true);
    // A clear margin, not a rounding: held-out comparisons of a history this size move by a few per cent.
    expect(improvementPercent(job.defaultEval!, job.newEval!)).toBeGreaterThanOrEqual(4);
    expect(verdict.message).toMatch(/about \d+% better than the standard ones/);
    expect(job.newEval!.rmseBins).toBeLessThan(job.defaultEval!.rmseBins);
    await applyJob(u.id, { jobId: job.id });
    expect(JSON.parse((await db.user.findUniqueOrThrow({ where: { id: u.id } })).fsrsWeights!)).toEqual(job.weights);
  }, 180_000);
});
