import { describe, expect, it } from "vitest";
import { getWorkload, workloadWhenDone } from "@/lib/srs/workload-jobs";
import { RETENTIONS } from "@/lib/srs/workload";
import { makeUser } from "./helpers";
import { seedHistory } from "./progress-fixtures";

const NOW = new Date("2026-02-15T12:00:00Z");

describe("help me decide (desired retention)", () => {
  it("simulates the learner's own deck off the request path and reports the least-work retention", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { cards: 30, days: 40, start: new Date("2026-01-01T00:00:00Z") });
    const first = await getWorkload(u.id, NOW);
    expect(first.status).toBe("running");
    const done = await workloadWhenDone(u.id, NOW);
    expect(done.points.map((p) => p.retention)).toEqual(RETENTIONS);
    expect(done.cards).toBeGreaterThan(20);
    // The simulated history's answers take 3-15 s.
    expect(done.habits.recallSeconds).toBeGreaterThan(3);
    expect(done.habits.recallSeconds).toBeLessThan(15);
    expect(done.best).not.toBeNull();
    expect(done.best!.retention).toBeGreaterThanOrEqual(0.8);
    expect(done.points.filter((p) => p.retention >= 0.8).every((p) => p.minutesPerMemorized >= done.best!.minutesPerMemorized)).toBe(true);
    // Asked again for the same deck: the stored result at once.
    expect((await getWorkload(u.id, NOW)).status).toBe("done");
  });
});
