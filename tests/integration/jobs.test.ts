import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { RETENTIONS } from "@/lib/srs/workload";
import { claimWorkloadJob, getWorkload, readWorkload, workloadJobs } from "@/lib/srs/workload-jobs";
import { makeUser } from "./helpers";
import { seedHistory } from "./progress-fixtures";

const NOW = new Date("2026-02-15T12:00:00Z");

// A second server's connections to the same database.
const otherServer = createPrismaClient();
afterAll(() => otherServer.$disconnect());

describe("background jobs shared by several servers", () => {
  it("runs a Help-me-decide simulation started on one server and lets another read its result from the database", async () => {
    const u = await makeUser();
    await seedHistory(u.id, { cards: 20, days: 30, start: new Date("2026-01-01T00:00:00Z") });
    expect((await getWorkload(u.id, NOW)).status).toBe("running");
    // The other server sees the job at once, before it finishes.
    expect((await readWorkload(u.id, otherServer))?.status).toBe("running");

    await workloadJobs.kick();
    await workloadJobs.idle();

    const there = await readWorkload(u.id, otherServer);
    expect(there?.status).toBe("done");
    if (there?.status !== "done") return;
    expect(there.groups.general.points.map((p) => p.retention)).toEqual(RETENTIONS);
    expect(there.groups.general.best!.retention).toBeGreaterThanOrEqual(0.8);
    expect(there).toEqual(await getWorkload(u.id, NOW));
  });

  it("lets exactly one of two servers claim a queued job", async () => {
    const u = await makeUser();
    await db.workloadJob.create({ data: { userId: u.id, key: "k", status: "queued", total: RETENTIONS.length, input: "{}" } });
    const claims = await Promise.all([claimWorkloadJob(db), claimWorkloadJob(otherServer)]);
    expect(claims.filter((c) => c?.key === "k")).toHaveLength(1);
    expect((await db.workloadJob.findUniqueOrThrow({ where: { userId: u.id } })).status).toBe("running");
  });
});
