// `npm start` and `npm run dev`. This launcher stays alive as the server's parent to pass
// signals on, so it is plain JavaScript under bare Node (about 40 MiB) rather than TypeScript
// under the tsx loader (about 190 MiB more, measured idle). The TypeScript work (settings,
// database, build) runs first in a child of its own, scripts/start.ts, which exits after
// writing the server's command line and environment to file descriptor 3.
import { spawn } from "node:child_process";

const dev = process.argv.includes("--dev");
let current;
let stopping = false;
const stop = (sig) => {
  stopping = true;
  current?.kill(sig);
};
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stop(sig));
// `npm start` runs this through `sh -c`, and npm passes a SIGTERM on to that shell only: the
// shell ends and this process is handed to init. A launcher whose parent has gone stops the
// server rather than leave it holding the port with no one to stop it.
const parent = process.ppid;
setInterval(() => {
  if (!stopping && process.ppid !== parent) stop("SIGTERM");
}, 500).unref();

function run(args, env, stdio) {
  current = spawn(process.execPath, args, { stdio, env });
  return current;
}

const prepare = run(["--import", "tsx", "scripts/start.ts", ...(dev ? ["--dev"] : [])], process.env, ["inherit", "inherit", "inherit", "pipe"]);
let planText = "";
prepare.stdio[3].on("data", (chunk) => (planText += chunk));
// "close", not "exit": the plan on fd 3 may still be in flight when the process exits.
prepare.on("close", (code, signal) => {
  if (code !== 0 || stopping) process.exit(code ?? (signal ? 1 : 0));
  const plan = JSON.parse(planText);
  const server = run(plan.args, plan.env, "inherit");
  server.on("exit", (serverCode) => process.exit(serverCode ?? 0));
});
