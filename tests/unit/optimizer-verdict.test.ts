import { describe, expect, it } from "vitest";
import { healthCheck, improvementPercent, KEEP_CURRENT, verdictOf } from "@/lib/optimizer/verdict";
import { STARTED_NOTICE, visibleNotice } from "@/app/progress/_components/optimize-notice";

describe("the optimisation verdict", () => {
  it("keeps the current parameters and says so plainly when the new ones do not predict better", () => {
    expect(verdictOf({ logLoss: 0.35, rmseBins: 0.05 }, { logLoss: 0.35, rmseBins: 0.04 }, true)).toEqual({ offer: false, message: KEEP_CURRENT });
    expect(verdictOf({ logLoss: 0.35, rmseBins: 0.05 }, { logLoss: 0.36, rmseBins: 0.05 }, false).offer).toBe(false);
    expect(KEEP_CURRENT).toMatch(/^Your current settings already predict your memory well/);
  });

  it("offers the new parameters when they predict better, saying by how much against what is in use", () => {
    const v = verdictOf({ logLoss: 0.4, rmseBins: 0.08 }, { logLoss: 0.36, rmseBins: 0.05 }, true);
    expect(v.offer).toBe(true);
    expect(v.message).toContain("predict your later answers about 10% better than your current ones");
    expect(verdictOf({ logLoss: 0.4, rmseBins: 0.08 }, { logLoss: 0.36, rmseBins: 0.05 }, false).message).toContain("the standard ones");
  });

  it("rounds a tiny gain to no gain", () => {
    expect(improvementPercent({ logLoss: 0.4, rmseBins: 0 }, { logLoss: 0.399, rmseBins: 0 })).toBe(0);
  });
});

describe("the health check", () => {
  it("says nothing with 300 training items or fewer", () => {
    expect(healthCheck(300, { logLoss: 0.9, rmseBins: 0.3 }, 2)).toBeNull();
  });

  it("says plainly when memory is hard to predict, and what helps", () => {
    const h = healthCheck(301, { logLoss: 0.4, rmseBins: 0.12 }, 3)!;
    expect(h.hardToPredict).toBe(true);
    expect(h.tips.join(" ")).toMatch(/consistently/);
    expect(h.tips.join(" ")).toMatch(/“Hard” means you remembered/);
    expect(h.tips.join(" ")).toMatch(/Reword or suspend the cards you always forget \(3 keep being forgotten\)/);
    expect(healthCheck(301, { logLoss: 0.6, rmseBins: 0.05 }, 0)!.tips).toHaveLength(2);
  });

  it("says memory is predictable when both figures are low", () => {
    expect(healthCheck(500, { logLoss: 0.33, rmseBins: 0.04 }, 0)).toMatchObject({ hardToPredict: false, tips: [] });
  });
});

describe("the optimiser panel's status line", () => {
  it("drops “Optimisation started.” once the job has finished, and keeps other notices", () => {
    expect(visibleNotice(STARTED_NOTICE, { status: "running" })).toBe(STARTED_NOTICE);
    expect(visibleNotice(STARTED_NOTICE, { status: "queued" })).toBe(STARTED_NOTICE);
    expect(visibleNotice(STARTED_NOTICE, { status: "done" })).toBeNull();
    expect(visibleNotice(STARTED_NOTICE, { status: "failed" })).toBeNull();
    expect(visibleNotice("Kept your current parameters.", { status: "dismissed" })).toBe("Kept your current parameters.");
  });
});
