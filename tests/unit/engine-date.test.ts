import { describe, expect, it } from "vitest";
import { keepEngineDate } from "../../scripts/engine-date";

describe("the server's Date", () => {
  it("is the engine's own constructor again once Next's server has replaced it", async () => {
    const engineDate = Date;
    const restore = keepEngineDate();
    // What loading Next's server does (next/dist/server/node-environment.js).
    await import("next/dist/server/node-environment-extensions/date.js");
    // If Next stops replacing Date, scripts/engine-date.ts is no longer needed.
    expect(Date).not.toBe(engineDate);
    restore();
    expect(Date).toBe(engineDate);
    const d = new Date(Date.UTC(2026, 11, 6));
    expect(d.constructor).toBe(engineDate);
    expect(d instanceof Date).toBe(true);
    expect(d.toISOString()).toBe("2026-12-06T00:00:00.000Z");
  });
});
