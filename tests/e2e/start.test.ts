import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { DEMO_ACCOUNT } from "@/lib/demo";
import { resetDatabase, ROOT, serverFile, waitUntilAnswering } from "../../scripts/shared/server";
import { nextCard, signInHttp } from "../../scripts/load/http";
import { E2E_PORT } from "./suite";

// `npm start` as a user runs it (package.json's start script, scripts/start.mjs), on a SQLite
// file that does not exist yet. The e2e global setup has built the app, so nothing rebuilds.
const PORT = E2E_PORT + 20;
const FILE = path.join(ROOT, `data/test/start-${PORT}.db`);
const START = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.start as string;

// Linux's process table: a process's parent is field 4 of /proc/<pid>/stat, after the
// parenthesised command name (which may itself hold spaces).
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) out.push(Number(entry));
    } catch {
      /* the process ended while we looked */
    }
  }
  return out;
}

function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((c) => [c, ...descendantsOf(c)]);
}

const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// `viaNpm`: as `npm start`, with npm and its shell in between.
function launch(env: Record<string, string>, viaNpm = false): { proc: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const [command, ...args] = viaNpm ? ["npm", "start"] : START.split(" ");
  const proc = spawn(command === "node" ? process.execPath : command!, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout!.on("data", (d) => (output += d));
  proc.stderr!.on("data", (d) => (output += d));
  const exit = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { proc, output: () => output, exit };
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return condition();
}

const launched: ChildProcess[] = [];
afterAll(() => {
  for (const p of launched) if (p.exitCode === null && p.signalCode === null) p.kill("SIGTERM");
});

describe("npm start", () => {
  it(
    "creates, migrates and seeds a new SQLite file and serves the app from a bare Node parent with no TypeScript loader left running",
    { timeout: 240_000 },
    async () => {
      resetDatabase(FILE);
      const url = `http://localhost:${PORT}`;
      const run = launch({ PORT: String(PORT), DATABASE_URL: `file:${FILE}`, NEXTAUTH_SECRET: "start-test-secret-not-for-production-00" });
      launched.push(run.proc);
      const launcher = run.proc.pid!;
      await waitUntilAnswering(url, run.proc, run.output, "npm start", 180);
      expect(existsSync(FILE)).toBe(true);
      expect(run.output()).not.toContain("building the app");

      // The demo account was seeded and has cards to review.
      const cookie = await signInHttp(url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      expect(await nextCard(url, cookie)).not.toBeNull();

      // What stays running is the launcher and the bundled server, neither under tsx.
      const tree = descendantsOf(launcher);
      expect(tree.map(commandLine)).toEqual([expect.stringContaining(serverFile())]);
      expect([launcher, ...tree].map(commandLine).filter((c) => c.includes("tsx"))).toEqual([]);
      // A bare Node is about 40-50 MiB; the launcher under tsx was about 190 MiB more.
      expect(rssMiB(launcher)).toBeLessThan(120);

      // SIGTERM reaches the server through the launcher, and both end cleanly.
      run.proc.kill("SIGTERM");
      expect(await run.exit).toBe(0);
      expect(tree.filter(isAlive)).toEqual([]);
    },
  );

  it("stops the server when npm itself is sent SIGTERM, as a process manager does", { timeout: 240_000 }, async () => {
    const url = `http://localhost:${PORT + 1}`;
    const run = launch({ PORT: String(PORT + 1), DATABASE_URL: `file:${FILE}`, NEXTAUTH_SECRET: "start-test-secret-not-for-production-00" }, true);
    launched.push(run.proc);
    await waitUntilAnswering(url, run.proc, run.output, "npm start", 180);
    const tree = descendantsOf(run.proc.pid!);
    expect(tree.map(commandLine).some((c) => c.includes(serverFile()))).toBe(true);
    // npm passes the signal to its shell only; the launcher, orphaned, stops the server.
    run.proc.kill("SIGTERM");
    await run.exit;
    expect(await until(() => !tree.some(isAlive), 15_000)).toBe(true);
    expect(
      await fetch(`${url}/api/auth/csrf`).then(
        () => "answered",
        () => "refused",
      ),
    ).toBe("refused");
  });

  it("starts a second server on a SQLite file that a running server and an open read transaction hold, and both answer", { timeout: 300_000 }, async () => {
    const file = path.join(ROOT, `data/test/start-beside-${PORT}.db`);
    resetDatabase(file);
    const env = (port: number) => ({ PORT: String(port), DATABASE_URL: `file:${file}`, NEXTAUTH_SECRET: "start-test-secret-not-for-production-00" });
    const first = launch(env(PORT + 2));
    launched.push(first.proc);
    await waitUntilAnswering(`http://localhost:${PORT + 2}`, first.proc, first.output, "the first npm start", 180);
    // Another connection reading, as a backup or a `sqlite3` shell would.
    const reader = new Database(file, { readonly: true });
    reader.exec("BEGIN");
    reader.prepare(`SELECT count(*) FROM "User"`).get();
    try {
      const second = launch(env(PORT + 3));
      launched.push(second.proc);
      await waitUntilAnswering(`http://localhost:${PORT + 3}`, second.proc, second.output, "the second npm start", 180);
      expect(second.output()).toContain("schema up to date");
      for (const port of [PORT + 2, PORT + 3]) {
        const cookie = await signInHttp(`http://localhost:${port}`, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
        expect(await nextCard(`http://localhost:${port}`, cookie)).not.toBeNull();
      }
      second.proc.kill("SIGTERM");
      expect(await second.exit).toBe(0);
    } finally {
      reader.exec("ROLLBACK");
      reader.close();
    }
    first.proc.kill("SIGTERM");
    expect(await first.exit).toBe(0);
  });

  it("stops before the database or the server with a message naming a malformed setting", async () => {
    const missing = path.join(ROOT, `data/test/start-bad-${PORT}.db`);
    resetDatabase(missing);
    const run = launch({ PORT: "not-a-port", DATABASE_URL: `file:${missing}`, NEXTAUTH_SECRET: "start-test-secret-not-for-production-00" });
    launched.push(run.proc);
    expect(await run.exit).not.toBe(0);
    expect(run.output()).toContain("PORT");
    expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(missing)).toBe(false);
  });
});
