import { afterEach, describe, expect, it, vi } from "vitest";

const startOptimizerRunner = vi.fn();
vi.mock("@/lib/optimizer/runner", () => ({ startOptimizerRunner }));

describe("the server's start hook", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    startOptimizerRunner.mockClear();
  });

  it("starts the optimizer's job runner in a Node server", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-server");
    const { register } = await import("@/instrumentation");
    await register();
    expect(startOptimizerRunner).toHaveBeenCalledTimes(1);
  });

  // The runner's first sweep reads the database; during `next build` that created an empty
  // data/unknot.db before any migration had run.
  it("starts nothing while next build collects page data", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    const { register } = await import("@/instrumentation");
    await register();
    expect(startOptimizerRunner).not.toHaveBeenCalled();
  });
});
