import { afterEach, describe, expect, it, vi } from "vitest";

const startJobRunners = vi.fn();
vi.mock("@/lib/jobs/start", () => ({ startJobRunners }));
const startReminderRunner = vi.fn();
vi.mock("@/lib/reminders/runner", () => ({ startReminderRunner }));

describe("the server's start hook", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    startJobRunners.mockClear();
    startReminderRunner.mockClear();
  });

  it("starts the job runners in a Node server", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-server");
    const { register } = await import("@/instrumentation");
    await register();
    expect(startJobRunners).toHaveBeenCalledTimes(1);
  });

  it("starts the review reminders' scheduler in a Node server", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-server");
    const { register } = await import("@/instrumentation");
    await register();
    expect(startReminderRunner).toHaveBeenCalledTimes(1);
  });

  // The runner's first sweep queries the database, which a build must not touch (on a fresh
  // clone there is none yet).
  it("starts nothing while next build collects page data", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    const { register } = await import("@/instrumentation");
    await register();
    expect(startJobRunners).not.toHaveBeenCalled();
    expect(startReminderRunner).not.toHaveBeenCalled();
  });
});
