import { startServer } from "../../shared/server";
import { runLoad } from "../cannon";
import { DURATION_S, USERS, type EngineMeasure } from "../context";
import { perSec } from "../stats";

// The same capacity load split over two server processes on one database (PostgreSQL: the
// app is stateless, so servers scale out behind any load balancer).
export const twoProcess: EngineMeasure = {
  name: "two-process",
  postgresOnly: true,
  async run(ctx) {
    await ctx.settle();
    const second = await startServer(ctx.port + 10, ctx.serverEnv);
    try {
      console.log(`[bench] ${ctx.engine}: capacity over two processes, ${USERS} connections, ${DURATION_S} s`);
      const half = ctx.bindings.length / 2;
      const [a, b] = await Promise.all([
        runLoad({ url: ctx.server.url, route: "grade", bindings: ctx.bindings.slice(0, half), duration: DURATION_S }),
        runLoad({ url: second.url, route: "grade", bindings: ctx.bindings.slice(half), duration: DURATION_S }),
      ]);
      const reqPerSec = a.reqPerSec + b.reqPerSec;
      const errors = a.errors + b.errors;
      return {
        rows: [{ metric: "1. capacity over two server processes", measured: `${perSec(reqPerSec)}, ${errors} errors`, target: "", result: "info" }],
        figures: [{ measure: `${ctx.engine}: grading capacity, two processes`, value: reqPerSec, unit: "req/s", target: null, pass: null }],
      };
    } finally {
      await second.stop();
    }
  },
};
