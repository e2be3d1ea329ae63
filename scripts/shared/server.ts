import { spawn, type ChildProcess } from "node:child_process";
import { SERVER_NODE_FLAGS } from "../server-flags";
import { rmSync } from "node:fs";
import { ROOT, serverFile } from "../built";

export { distDir, ensureBuilt, ROOT, serverFile } from "../built";

export function resetDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

// A new SQLite file, migrated and holding the content catalogue, for a test's own server.
export async function freshDatabase(file: string): Promise<string> {
  resetDatabase(file);
  const url = `file:${file}`;
  const { prepareDatabase } = await import("../prepare-db");
  await prepareDatabase({ url, seedDemo: false, quiet: true });
  return url;
}

// `log()`: what the server has printed so far (stdout and stderr).
export type Server = { url: string; proc: ChildProcess; stop: () => Promise<void>; exited: () => Promise<void>; log: () => string };

// A process killed by a signal keeps exitCode null and sets signalCode instead; an "exit"
// listener attached after the fact never fires, so both are checked first.
function hasExited(proc: ChildProcess): boolean {
  return proc.exitCode !== null || proc.signalCode !== null;
}

function waitForExit(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (hasExited(proc)) return resolve();
    proc.once("exit", () => resolve());
  });
}

// Polls the CSRF route (it answers without touching the database) until the server at `url`
// answers; fails at once, with the process's output, if `proc` exits first.
export async function waitUntilAnswering(url: string, proc: ChildProcess, output: () => string, what: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (hasExited(proc)) throw new Error(`${what} exited early:\n${output()}`);
    if (
      await fetch(`${url}/api/auth/csrf`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${seconds} s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Starts the production server (scripts/serve.ts as built into the build directory, run by
// plain node, as `npm start` does) on a port against a database URL and waits until it
// answers. No public URL is set, so redirects follow the host a test connects to.
// `nodeArgs`: extra Node options for the server (the bench's --cpu-prof).
export async function startServer(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<Server> {
  const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, serverFile()], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout!.on("data", (d) => (output += d));
  proc.stderr!.on("data", (d) => (output += d));
  const url = `http://localhost:${port}`;
  await waitUntilAnswering(url, proc, () => output, "next start", 60);
  const stop = async () => {
    const exit = waitForExit(proc);
    if (!hasExited(proc)) proc.kill("SIGTERM");
    await exit;
  };
  return { url, proc, stop, exited: () => waitForExit(proc), log: () => output };
}
