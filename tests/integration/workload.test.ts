import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSettings, setGroupRetention } from "@/lib/settings";
import { retentionChoiceSchema } from "@/lib/settings/schema";
import { getWorkload, workloadWhenDone } from "@/lib/srs/workload-jobs";
import { RETENTIONS, type WorkloadInput } from "@/lib/srs/workload";
import { SAFETY_MAX_INTERVAL_DAYS } from "@/lib/srs/safety";
import { makeUser, viaAction } from "./helpers";
import { seedHistory } from "./progress-fixtures";
import { State } from "ts-fsrs";

const NOW = new Date("2026-02-15T12:00:00Z");

describe("help me decide (desired retention)", () => {
  it("simulates the learner's own deck off the request path and suggests a value from 80% to 95% for each group", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { cards: 30, days: 40, start: new Date("2026-01-01T00:00:00Z") });
    const first = await getWorkload(u.id, NOW);
    expect(first.status).toBe("running");
    const done = await workloadWhenDone(u.id, NOW);
    const general = done.groups.general;
    expect(general.points.map((p) => p.retention)).toEqual(RETENTIONS);
    expect(general.cards).toBeGreaterThan(20);
    // The simulated history's answers take 3-15 s.
    expect(done.habits.recallSeconds).toBeGreaterThan(3);
    expect(done.habits.recallSeconds).toBeLessThan(15);
    for (const g of [general, done.groups.safety]) {
      expect(g.best).not.toBeNull();
      expect(g.best!.retention).toBeGreaterThanOrEqual(0.8);
      expect(g.best!.retention).toBeLessThanOrEqual(0.95);
    }
    expect(
      general.points.filter((p) => p.retention >= 0.8 && p.retention <= 0.95).every((p) => p.minutesPerMemorized >= general.best!.minutesPerMemorized),
    ).toBe(true);
    // Asked again for the same deck: the stored result at once.
    expect((await getWorkload(u.id, NOW)).status).toBe("done");
  });

  it("simulates the warning signs and the rest apart, each over its own cards, the warning signs within their own range and interval cap", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { cards: 40, days: 40, start: new Date("2026-01-01T00:00:00Z") });
    const cards = await db.card.findMany({ where: { userId: u.id, catalogCard: { retiredAt: null } }, include: { catalogCard: true } });
    const count = (safety: boolean, fresh: boolean) => cards.filter((c) => c.catalogCard.safety === safety && (c.state === State.New) === fresh).length;
    expect(count(true, false)).toBeGreaterThan(0);
    expect(count(false, false)).toBeGreaterThan(0);

    const done = await workloadWhenDone(u.id, NOW);
    const { general, safety } = done.groups;
    expect([general.cards, general.newCards]).toEqual([count(false, false), count(false, true)]);
    expect([safety.cards, safety.newCards]).toEqual([count(true, false), count(true, true)]);
    // The warning signs are simulated only where their setting can go (80%-97%).
    expect(safety.points.map((p) => p.retention)).toEqual(RETENTIONS.filter((r) => r >= 0.8));
    expect(safety.best!.retention).toBeGreaterThanOrEqual(0.9);
    // Each group's own inputs, as the job stored them for any server to run.
    const job = await db.workloadJob.findUniqueOrThrow({ where: { userId: u.id } });
    const input = JSON.parse(job.input) as { groups: { general: WorkloadInput; safety: WorkloadInput } };
    expect(input.groups.safety.cards).toHaveLength(count(true, false));
    expect(input.groups.general.cards).toHaveLength(count(false, false));
    expect(input.groups.safety.maximumInterval).toBe(SAFETY_MAX_INTERVAL_DAYS);
    expect(input.groups.general.maximumInterval).toBe((await readSettings(u.id)).maximumInterval);
    // The two groups share one new-card limit: no day brings more than it between them.
    const perDay = new Map<number, number>();
    for (const d of [...input.groups.general.newDays!, ...input.groups.safety.newDays!]) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual((await readSettings(u.id)).newCardsPerDay);
  });

  it("applies a chosen value to that group's setting only, and refuses one outside the group's range", async () => {
    const u = await makeUser();
    const before = await readSettings(u.id);
    await setGroupRetention(u.id, viaAction(retentionChoiceSchema, { group: "safety", retention: 0.92 }));
    let after = await readSettings(u.id);
    expect([after.safetyRetention, after.desiredRetention]).toEqual([0.92, before.desiredRetention]);

    await setGroupRetention(u.id, viaAction(retentionChoiceSchema, { group: "general", retention: 0.85 }));
    after = await readSettings(u.id);
    expect([after.desiredRetention, after.safetyRetention]).toEqual([0.85, 0.92]);
    // Every other setting is as it was.
    expect({ ...after, desiredRetention: 0, safetyRetention: 0 }).toEqual({ ...before, desiredRetention: 0, safetyRetention: 0 });

    // The warning signs never go below 80%; the rest may (to 70%).
    expect(() => viaAction(retentionChoiceSchema, { group: "safety", retention: 0.75 })).toThrow("Choose at least 80%");
    expect(viaAction(retentionChoiceSchema, { group: "general", retention: 0.75 })).toEqual({ group: "general", retention: 0.75 });
    expect(() => viaAction(retentionChoiceSchema, { group: "everything", retention: 0.9 })).toThrow();
    expect((await readSettings(u.id)).safetyRetention).toBe(0.92);
  });
});
