// V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136 and later) on the scripts
// a page runs at start-up. Without it V8 compiles a function the first time it is called, on the
// main thread: the framework's module factories are first called together when its last chunk
// arrives, and compiling them was most of that one long task (which Lighthouse's mobile run
// multiplies by four). With the hint the browser compiles every function of the file on the background thread that
// streams it in. Scripts loaded later (a form's schemas on its first save) are left lazy.
// scripts/build.ts runs this after `next build` and before the service worker's precache list,
// so the list's revisions are those of the files served. The file names keep the hash Next gave
// them, which still changes whenever their contents do.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

function* manifestsUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* manifestsUnder(p);
    else if (entry.name.endsWith("_client-reference-manifest.js")) yield p;
  }
}

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

// The scripts (paths relative to the build directory, such as "static/chunks/x.js") that some
// page's HTML names: the framework every page loads (build-manifest.json's rootMainFiles) and
// each route's own entry scripts (its client reference manifest's entryJSFiles, a script that
// assigns globalThis.__RSC_MANIFEST, run here in a context of its own).
export function startupScripts(distDir: string): string[] {
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  if (!rootMainFiles?.length) throw new Error("build-manifest.json lists no rootMainFiles: the compile hints cannot find the framework's scripts");
  const files = new Set(rootMainFiles);
  const appDir = path.join(distDir, "server/app");
  for (const file of existsSync(appDir) ? manifestsUnder(appDir) : []) {
    const context: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    vm.runInNewContext(readFileSync(file, "utf8"), vm.createContext(context));
    for (const manifest of Object.values(context.__RSC_MANIFEST ?? {})) {
      for (const scripts of Object.values(manifest.entryJSFiles ?? {})) for (const s of scripts) files.add(s);
    }
  }
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

// Puts the hint at the top of each start-up script that lacks it; returns how many it changed.
export function addCompileHints(distDir: string): number {
  let changed = 0;
  for (const rel of startupScripts(distDir)) {
    const file = path.join(distDir, rel);
    const body = readFileSync(file, "utf8");
    if (body.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + body);
    changed++;
  }
  return changed;
}
