// `npm run build`: the Next production build, then the offline service worker. Serwist's
// configurator mode runs after Next has prerendered every page, so the worker precaches them
// (lessons, quizzes, the offline page) with a content hash each, which versions them per build.
// The worker is written into the build directory and served by app/sw.js/route.ts, so that
// builds in different UNKNOT_DIST_DIRs never share one worker file.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runBuildCommand } from "@serwist/cli";
import { serwist } from "@serwist/next/config";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");

export function distDir(): string {
  return process.env.UNKNOT_DIST_DIR || ".next";
}

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

export async function build(): Promise<void> {
  execFileSync(process.execPath, [NEXT, "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  await buildServiceWorker();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
