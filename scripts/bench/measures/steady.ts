import { DURATION_S, USERS, type EngineMeasure } from "../context";
import { perSec, verdict } from "../stats";
import { errs, lat } from "./grading";

// 2. Grading responsiveness: a steady 50 grades per second; p95 is the latency a user feels
// while the server is busy but not saturated.
export const steady: EngineMeasure = {
  name: "steady",
  async run(ctx) {
    await ctx.settle();
    console.log(`[bench] ${ctx.engine}: steady 50 grades/s, paced over 25 of the ${USERS} users, ${DURATION_S} s`);
    const r = await ctx.load("grade", DURATION_S, 50);
    const e = ctx.engine;
    return {
      rows: [
        { metric: `2. steady 50 grades/s × ${DURATION_S} s: p50 / p95 / p99`, measured: lat(r), target: "p95 < 30 ms", result: verdict(r.p95 < 30) },
        { metric: "   steady: achieved rate, errors", measured: `${perSec(r.reqPerSec)}, ${errs(r)}`, target: "0 errors", result: verdict(r.errors === 0) },
      ],
      figures: [
        { measure: `${e}: p95 at 50 grades/s`, value: r.p95, unit: "ms", target: "< 30", pass: r.p95 < 30 },
        { measure: `${e}: steady errors`, value: r.errors, unit: "count", target: "0", pass: r.errors === 0 },
      ],
    };
  },
};
