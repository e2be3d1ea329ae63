// `npm run build`: the Next production build, then the offline service worker. Serwist's
// configurator mode runs after Next has prerendered every page and lists the build's files
// with a content hash each, which versions them per build; lib/pwa/precache-plan.ts splits the
// list into the shell the worker precaches and the pages it fetches later.
// The worker is written into the build directory and served by app/sw.js/route.ts, so that
// builds in different UNKNOT_DIST_DIRs never share one worker file.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build as esbuild } from "esbuild";
import { getManifest } from "@serwist/build";
import { serwist } from "@serwist/next/config";
import { planPrecache } from "../lib/pwa/precache-plan";
import { precompressStatic } from "./precompressed-static";
import { addCompileHints } from "./compile-hints";
import { distDir, ROOT, serverFile } from "./built";

const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");

export const SW_FILE = "sw/sw.js";
// The split, beside the worker, for `npm run bench` to report (scripts/bench/lighthouse.ts).
export const PRECACHE_PLAN_FILE = "sw/precache-plan.json";

export async function buildServiceWorker(): Promise<void> {
  const dist = distDir();
  const buildId = readFileSync(path.join(ROOT, dist, "BUILD_ID"), "utf8").trim();
  const { swSrc, swDest, esbuildOptions, ...listing } = await serwist(
    {
      swSrc: "app/sw.ts",
      swDest: path.join(dist, SW_FILE),
      // The build's own static assets, public/ (icons, the logo) and the prerendered pages.
      // Source maps and the build's server files are left out.
      globPatterns: [`${dist}/static/**/*.{js,css,woff2,png,svg,ico,webp}`, "public/**/*.{png,svg,ico}"],
      globIgnores: ["**/*.map"],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    },
    undefined,
    { cwd: ROOT, isDev: false },
  );
  const { manifestEntries = [], warnings } = await getManifest(listing);
  for (const w of warnings) console.warn(w);
  const plan = planPrecache(manifestEntries);
  await esbuild({
    entryPoints: [path.join(ROOT, swSrc)],
    outfile: path.join(ROOT, swDest),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: esbuildOptions?.target,
    define: {
      "self.__SW_MANIFEST": JSON.stringify(plan.shell),
      __UNKNOT_LATER__: JSON.stringify(plan.later),
      __UNKNOT_BUILD_ID__: JSON.stringify(buildId),
    },
    logLevel: "warning",
  });
  writeFileSync(path.join(ROOT, dist, PRECACHE_PLAN_FILE), JSON.stringify(plan));
  console.log(`The service worker precaches ${plan.shell.length} URLs and fetches ${plan.later.length} pages later.`);
}

// The production server (scripts/serve.ts) as one plain ES module in the build directory, run
// by bare `node`: under the tsx loader every module Next loads passed through tsx's resolve
// hooks, and the loader held its own compiler in memory. Next and the packages stay external.
export async function buildServer(): Promise<void> {
  await esbuild({
    entryPoints: [path.join(ROOT, "scripts/serve.ts")],
    outfile: serverFile(),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // serve.ts finds the app from its own location; the bundle lives in the build directory.
    define: { __UNKNOT_ROOT__: JSON.stringify(ROOT) },
    logLevel: "warning",
  });
}

export async function build(): Promise<void> {
  execFileSync(process.execPath, [NEXT, "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.log(`Marked ${addCompileHints(path.join(ROOT, distDir()))} start-up scripts to be compiled as they stream in (scripts/compile-hints.ts).`);
  await buildServiceWorker();
  console.log(`Compressed ${precompressStatic(path.join(ROOT, distDir(), "static"))} scripts and stylesheets (Brotli and gzip) for scripts/serve.ts.`);
  await buildServer();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
