import { describe, expect, it } from "vitest";
import { busyShare, cpuSince, parseMachineCpu } from "../../scripts/bench/cpu";
import { cpuShare } from "../../scripts/bench/cpu-share";

describe("the bench's account of where the machine's CPU went", () => {
  it("counts user, system, interrupt and stolen time as busy, and idle and I/O wait as not", () => {
    const stat = "cpu  100 5 20 300 10 1 4 2 0 0\ncpu0 50 2 10 150 5 0 2 1 0 0\n";
    expect(parseMachineCpu(stat)).toEqual({ busy: 132, total: 442 });
  });

  it("gives the busy share between two readings", () => {
    expect(busyShare(cpuSince({ busy: 100, total: 400 }, { busy: 250, total: 600 }))).toBeCloseTo(0.75);
    expect(busyShare(cpuSince({ busy: 0, total: 0 }, { busy: 0, total: 0 }))).toBeNaN();
  });

  it("reports the database server's CPU per grade only when its processes run on this machine", () => {
    const local = cpuShare("PostgreSQL", 0.78, 1.5);
    expect(local.figures).toEqual([
      { measure: "PostgreSQL: machine busy during grading capacity", value: 78, unit: "%", target: null, pass: null },
      { measure: "PostgreSQL: database server CPU per grade", value: 1.5, unit: "ms", target: null, pass: null },
    ]);
    const remote = cpuShare("SQLite", 0.99, null);
    expect(remote.figures.map((f) => f.measure)).toEqual(["SQLite: machine busy during grading capacity"]);
    expect(remote.rows[0]!.measured).toBe("99%");
  });
});
