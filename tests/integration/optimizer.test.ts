import { describe, expect, it } from "vitest";
import { Rating, State, default_w } from "ts-fsrs";
import { db } from "@/lib/db";
import { applyJob, dismissJob, getJob, getParameterStatus, requestOptimization, restorePrevious } from "@/lib/optimizer/jobs";
import { countTrainingItems, loadSequences } from "@/lib/optimizer/data";
import { countItems } from "@/lib/optimizer/items";
import { kickOptimizer, optimizerIdle, requeueStaleJobs, STALE_JOB_MS } from "@/lib/optimizer/runner";
import { getDashboard } from "@/lib/progress/queries";
import { verdictOf } from "@/lib/optimizer/verdict";
import { gradeReview } from "@/lib/srs/review";
import { firstCard, grade, makeUser } from "./helpers";
import { logRow, recallLearner, seedHistory } from "./progress-fixtures";

const START = new Date("2026-01-01T00:00:00Z");

describe("personal FSRS parameters", () => {
  it("measures the new weights against the ones in use, so that a learner whose own weights predict badly is offered better ones", async () => {
    const u = await makeUser();
    // A learner whose recall follows the standard model.
    await seedHistory(u.id, { cards: 60, days: 60, start: START, newPerDay: 6, fuzz: false, ratingFor: recallLearner(1, 11) });
    const withDefaults = await requestOptimization(u.id);
    await kickOptimizer();
    await optimizerIdle();
    const first = await getJob(u.id, withDefaults.id);
    await dismissJob(u.id, { jobId: first.id });
    // Weights under which every memory starts at a fraction of a day and barely grows after a
    // success: far from this history.
    const poor = [...default_w].map((w, i) => (i < 4 ? 0.02 : i === 8 ? 0.05 : w));
    await db.user.update({ where: { id: u.id }, data: { fsrsWeights: JSON.stringify(poor) } });
    const withOwn = await requestOptimization(u.id);
    await kickOptimizer();
    await optimizerIdle();
    const second = await getJob(u.id, withOwn.id);
    // The same reviews, measured against what was in use each time.
    expect(second.items).toBe(first.items);
    // Measured against the defaults both times, the two figures would be equal.
    expect(second.defaultEval!.logLoss).toBeGreaterThan(first.defaultEval!.logLoss);
    expect(verdictOf(second.defaultEval!, second.newEval!, true).offer).toBe(true);
    // Two jobs of six fits each (five time-series folds and the final fit).
  }, 180_000);

  it("fits 21 finite weights in a background job, evaluates both sets, applies and restores them", async () => {
    const a = await makeUser();
    // A learner who forgets faster than the standard model expects, so the fit is worth applying.
    const { logs } = await seedHistory(a.id, { cards: 60, days: 60, start: START, newPerDay: 6, fuzz: false, ratingFor: recallLearner(0.2, 11) });
    const count = await countTrainingItems(a.id);
    expect(count.enough).toBe(true);
    const exact = countItems(await loadSequences(a.id));
    expect(exact).toBeGreaterThanOrEqual(64);
    expect(exact).toBeLessThan(logs.length);

    const queued = await requestOptimization(a.id);
    expect(["queued", "running"]).toContain(queued.status);
    // Asking again while it runs returns the same job instead of queueing another.
    expect((await requestOptimization(a.id)).id).toBe(queued.id);
    await kickOptimizer();
    await optimizerIdle();

    const job = await getJob(a.id, queued.id);
    expect(job.status).toBe("done");
    expect(job.items).toBe(exact);
    expect(job.progress).toBe(1);
    expect(job.weights).toHaveLength(21);
    expect(job.weights!.every(Number.isFinite)).toBe(true);
    // Judged on held-out later reviews, weights fitted on earlier ones predict this learner better.
    expect(job.newEval!.logLoss).toBeLessThan(job.defaultEval!.logLoss);
    for (const e of [job.defaultEval!, job.newEval!]) {
      expect(Number.isFinite(e.logLoss) && e.logLoss > 0).toBe(true);
      expect(Number.isFinite(e.rmseBins) && e.rmseBins >= 0).toBe(true);
    }

    // Another user can neither read nor apply it.
    const b = await makeUser();
    await expect(getJob(b.id, job.id)).rejects.toMatchObject({ status: 404 });
    await expect(applyJob(b.id, { jobId: job.id })).rejects.toMatchObject({ status: 404 });
    expect((await db.user.findUniqueOrThrow({ where: { id: b.id } })).fsrsWeights).toBeNull();

    // Apply: the weights become the user's; the defaults they replace are kept.
    const due = await db.card.findMany({ where: { userId: a.id }, select: { id: true, due: true }, orderBy: { id: "asc" } });
    await applyJob(a.id, { jobId: job.id });
    const applied = await db.user.findUniqueOrThrow({ where: { id: a.id } });
    expect(JSON.parse(applied.fsrsWeights!)).toEqual(job.weights);
    expect(await db.parameterSet.findMany({ where: { userId: a.id }, select: { weights: true, source: true } })).toEqual([
      { weights: "null", source: "default" },
    ]);
    expect((await getDashboard(a.id)).personalWeights).toBe(true);
    // Future scheduling only: no card moved.
    expect(await db.card.findMany({ where: { userId: a.id }, select: { id: true, due: true }, orderBy: { id: "asc" } })).toEqual(due);
    await expect(applyJob(a.id, { jobId: job.id })).rejects.toMatchObject({ status: 409 });
    expect((await getParameterStatus(a.id)).restoreTo).toBe("defaults");

    // Restore: back to the defaults, and nothing further to restore.
    expect(await restorePrevious(a.id)).toEqual({ weights: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).fsrsWeights).toBeNull();
    expect(await db.parameterSet.count({ where: { userId: a.id } })).toBe(0);
    await expect(restorePrevious(a.id)).rejects.toMatchObject({ status: 409 });
  }, 180_000);

  it("restores the previous personal set after a second apply", async () => {
    const u = await makeUser();
    const first = [...default_w].map((w, i) => (i === 0 ? 0.5 : w));
    await db.user.update({ where: { id: u.id }, data: { fsrsWeights: JSON.stringify(first) } });
    const second = [...default_w].map((w, i) => (i === 0 ? 0.7 : w));
    const job = await db.optimizeJob.create({ data: { userId: u.id, status: "done", progress: 1, weights: JSON.stringify(second) } });
    await applyJob(u.id, { jobId: job.id });
    expect(await restorePrevious(u.id)).toEqual({ weights: first });
  });

  it("shows the learner's latest job, their leeches and what a restore returns to, and nothing of another learner's", async () => {
    const u = await makeUser();
    const other = await makeUser();
    const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
    const older = await db.optimizeJob.create({ data: { userId: u.id, status: "dismissed", items: 80, createdAt: at(1) } });
    const latest = await db.optimizeJob.create({
      data: {
        userId: u.id,
        status: "done",
        items: 90,
        weights: JSON.stringify(default_w),
        newLogLoss: 0.3,
        newRmse: 0.04,
        createdAt: at(2),
        finishedAt: at(3),
      },
    });
    await db.optimizeJob.create({ data: { userId: other.id, status: "queued", createdAt: at(9) } });
    await db.parameterSet.create({ data: { userId: u.id, weights: JSON.stringify(default_w), source: "personal", createdAt: at(1) } });
    await db.parameterSet.create({ data: { userId: u.id, weights: "null", source: "default", createdAt: at(2) } });
    const cards = await db.card.findMany({ where: { userId: u.id }, take: 2 });
    await db.card.updateMany({ where: { id: { in: cards.map((c) => c.id) } }, data: { leech: true } });

    const status = await getParameterStatus(u.id);
    expect(status).toMatchObject({ personal: false, canRestore: true, restoreTo: "defaults", leeches: 2 });
    expect(status.latestJob).toEqual(await getJob(u.id, latest.id));
    expect(status.latestJob).toMatchObject({ status: "done", items: 90, newEval: { logLoss: 0.3, rmseBins: 0.04 }, finishedAt: at(3).toISOString() });
    expect(status.latestJob!.id).not.toBe(older.id);
    expect(await getParameterStatus(other.id)).toMatchObject({ canRestore: false, restoreTo: null, leeches: 0, latestJob: { status: "queued" } });
  });

  it("refuses to start with too little history, with the threshold in the message", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    await gradeReview(u.id, grade(card.id, card.version, Rating.Good));
    const status = await getParameterStatus(u.id);
    expect(status.count).toEqual({ items: 0, exact: true, enough: false });
    const p = requestOptimization(u.id);
    await expect(p).rejects.toMatchObject({ status: 422 });
    await expect(p).rejects.toThrow(/at least 64 training items.*you have 0/);
    expect(await db.optimizeJob.count({ where: { userId: u.id } })).toBe(0);
  });

  it("counts exactly between the quick bounds and fails a queued job that lacks data", async () => {
    const u = await makeUser();
    const cards = await db.card.findMany({ where: { userId: u.id }, take: 10 });
    // 10 cards × (first review, a same-day step, 7 later-day learning reviews): 70 items, all in state 1.
    const rows = cards.flatMap((c) => [
      logRow(u.id, { cardId: c.id, reviewDay: 100, rating: Rating.Good, state: State.New, review: new Date(100 * 86_400_000 + 36e6) }),
      logRow(u.id, { cardId: c.id, reviewDay: 100, rating: Rating.Good, state: State.Learning, review: new Date(100 * 86_400_000 + 37e6) }),
      ...Array.from({ length: 7 }, (_, k) =>
        logRow(u.id, { cardId: c.id, reviewDay: 101 + k, rating: Rating.Good, state: State.Learning, review: new Date((101 + k) * 86_400_000 + 36e6) }),
      ),
    ]);
    await db.reviewLog.createMany({ data: rows });
    expect(await countTrainingItems(u.id)).toEqual({ items: 70, exact: true, enough: true });
    // Undoing the last review of 7 cards leaves 63 items: one short.
    const lastOf = (cardId: string) => db.reviewLog.findFirstOrThrow({ where: { cardId, undoneAt: null }, orderBy: { review: "desc" } });
    for (const c of cards.slice(0, 7)) await db.reviewLog.update({ where: { id: (await lastOf(c.id)).id }, data: { undoneAt: new Date() } });
    expect(await countTrainingItems(u.id)).toEqual({ items: 63, exact: true, enough: false });

    const job = await db.optimizeJob.create({ data: { userId: u.id, status: "queued" } });
    await kickOptimizer();
    await optimizerIdle();
    const done = await getJob(u.id, job.id);
    expect(done.status).toBe("failed");
    expect(done.message).toMatch(/63 training items; at least 64/);
    await dismissJob(u.id, { jobId: job.id });
    expect((await getJob(u.id, job.id)).status).toBe("dismissed");
  });
});

describe("jobs left by a stopped server", () => {
  it("are queued again once stale, while a job another server is running is left alone", async () => {
    const u = await makeUser();
    const now = new Date();
    const stale = await db.optimizeJob.create({
      data: { userId: u.id, status: "running", progress: 0.4, updatedAt: new Date(now.getTime() - STALE_JOB_MS - 1000) },
    });
    const live = await db.optimizeJob.create({ data: { userId: u.id, status: "running", progress: 0.4, updatedAt: new Date(now.getTime() - 1000) } });
    expect(await requeueStaleJobs(now)).toBe(1);
    expect((await db.optimizeJob.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("queued");
    expect((await db.optimizeJob.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("running");
    await db.optimizeJob.deleteMany({ where: { userId: u.id } });
  });
});
