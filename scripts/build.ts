// `npm run build`: the Next production build, then the offline service worker. Serwist's
// configurator mode runs after Next has prerendered every page, so the worker precaches them
// (lessons, quizzes, the offline page) with a content hash each, which versions them per build.
// The worker is written into the build directory and served by app/sw.js/route.ts, so that
// builds in different UNKNOT_DIST_DIRs never share one worker file.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { build as esbuild } from "esbuild";
import { runBuildCommand } from "@serwist/cli";
import { serwist } from "@serwist/next/config";
import { distDir, ROOT, serverFile } from "./built";

const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");

export const SW_FILE = "sw/sw.js";

export async function buildServiceWorker(): Promise<void> {
  const dist = distDir();
  const buildId = readFileSync(path.join(ROOT, dist, "BUILD_ID"), "utf8").trim();
  const config = await serwist(
    {
      swSrc: "app/sw.ts",
      swDest: path.join(dist, SW_FILE),
      injectionPoint: "self.__SW_MANIFEST",
      // The precache list: the build's own static assets, public/ (icons, the logo) and the
      // prerendered pages. Source maps and the build's server files are left out.
      globPatterns: [`${dist}/static/**/*.{js,css,woff2,png,svg,ico,webp}`, "public/**/*.{png,svg,ico}"],
      globIgnores: ["**/*.map"],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      esbuildOptions: { define: { __UNKNOT_BUILD_ID__: JSON.stringify(buildId) } },
    },
    undefined,
    { cwd: ROOT, isDev: false },
  );
  await runBuildCommand({ config, watch: false });
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
  await buildServiceWorker();
  await buildServer();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
