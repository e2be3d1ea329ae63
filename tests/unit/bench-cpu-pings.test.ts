import { describe, expect, it } from "vitest";
import { CPU_PINGS_TARGET, cpuInPings } from "../../scripts/bench/cpu-pings";

describe("the bench's CPU target in pings", () => {
  it("divides the CPU per grade by the CPU per ping of the same run and meets the target at two pings", () => {
    const { figures } = cpuInPings("PostgreSQL", 4.2, 2.1);
    const pings = figures.find((f) => f.unit === "pings")!;
    expect(CPU_PINGS_TARGET).toBe(2);
    expect(pings).toMatchObject({ measure: "PostgreSQL: CPU per grade in pings", value: 2, target: "<= 2", pass: true });
  });

  it("misses the target above two pings, whatever the absolute milliseconds", () => {
    const pings = cpuInPings("SQLite", 2.9, 1).figures.find((f) => f.unit === "pings")!;
    expect(pings.pass).toBe(false);
  });

  it("keeps the absolute CPU per grade reported without a target of its own", () => {
    const ms = cpuInPings("SQLite", 3.2, 1.8).figures.find((f) => f.unit === "ms")!;
    expect(ms).toMatchObject({ measure: "SQLite: CPU per grade", value: 3.2, target: null, pass: null });
  });

  it("reports no ratio when the ping's CPU could not be read", () => {
    const { rows, figures } = cpuInPings("SQLite", 3.2, 0);
    expect(figures.find((f) => f.unit === "pings")).toMatchObject({ value: NaN, pass: false });
    expect(rows.at(-1)!.measured).toBe("n/a");
  });
});
