import "server-only";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Transferable } from "node:worker_threads";
import { buildSync } from "esbuild";
import { Piscina } from "piscina";
import type * as Tasks from "./tasks";

// The worker-thread pool (piscina) that runs the jobs' CPU work, one per server process, so
// that a fit or a simulation never blocks the event loop that serves requests. The workers
// run plain JavaScript outside the Next.js bundle: lib/jobs/tasks.ts is bundled with esbuild
// when the pool first starts (tens of milliseconds), its packages left to node_modules.
// Threads start on demand and stop after a while idle, so an idle server holds none.

const ROOT = /*turbopackIgnore: true*/ process.cwd();
const ENTRY = path.join(ROOT, "lib", "jobs", "tasks.ts");
// Inside node_modules, so that the bundle's imports of packages resolve.
const OUT_DIR = path.join(ROOT, "node_modules", ".cache", "unknot-jobs");
// One thread beside the event loop on a small machine, two at most.
const MAX_THREADS = Math.max(1, Math.min(2, os.availableParallelism() - 1));
const IDLE_MS = 30_000;

type TaskName = keyof typeof Tasks;
type TaskArg<K extends TaskName> = Parameters<(typeof Tasks)[K]>[0];
type TaskResult<K extends TaskName> = Awaited<ReturnType<(typeof Tasks)[K]>>;

function bundleTasks(): string {
  const out = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "warning",
  });
  const code = out.outputFiles[0]!.contents;
  const file = path.join(OUT_DIR, `tasks-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    // Several servers may start at once in one checkout: each writes its own file, then renames.
    mkdirSync(OUT_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  return file;
}

const g = globalThis as unknown as { unknotJobPool?: Piscina };

function pool(): Piscina {
  return (g.unknotJobPool ??= new Piscina({ filename: bundleTasks(), minThreads: 0, maxThreads: MAX_THREADS, idleTimeout: IDLE_MS }));
}

export function runTask<K extends TaskName>(name: K, arg: TaskArg<K>, transferList?: Transferable[]): Promise<TaskResult<K>> {
  return pool().run(arg, { name, transferList }) as Promise<TaskResult<K>>;
}
