import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addCompileHints, COMPILE_HINT, startupScripts } from "../../scripts/compile-hints";

// A build directory as `next build` leaves it: the framework in build-manifest.json, a route's
// own scripts in its client reference manifest, and a chunk only a dynamic import loads.
const dist = mkdtempSync(path.join(os.tmpdir(), "unknot-hints-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
mkdirSync(path.join(dist, "static/chunks"), { recursive: true });
mkdirSync(path.join(dist, "server/app/review"), { recursive: true });
for (const name of ["framework", "router", "review-page", "lazy-schemas"])
  writeFileSync(path.join(dist, `static/chunks/${name}.js`), `console.log("${name}");\n`);
writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/framework.js", "static/chunks/router.js"] }));
writeFileSync(
  path.join(dist, "server/app/review/page_client-reference-manifest.js"),
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/review/page"] = ${JSON.stringify({
    entryJSFiles: { "[project]/app/review/page": ["static/chunks/router.js", "static/chunks/review-page.js"] },
  })};\n`,
);
const body = (name: string) => readFileSync(path.join(dist, `static/chunks/${name}.js`), "utf8");

describe("compile hints on the scripts a page runs at start-up", () => {
  it("finds the framework's scripts and each route's own, and not a chunk only a dynamic import loads", () => {
    expect(startupScripts(dist)).toEqual(["static/chunks/framework.js", "static/chunks/review-page.js", "static/chunks/router.js"]);
  });

  it("puts the hint once at the top of each start-up script and leaves the code and the lazy chunk as they were", () => {
    expect(addCompileHints(dist)).toBe(3);
    expect(addCompileHints(dist)).toBe(0);
    expect(body("framework")).toBe(`${COMPILE_HINT}console.log("framework");\n`);
    expect(body("review-page")).toBe(`${COMPILE_HINT}console.log("review-page");\n`);
    expect(body("lazy-schemas")).toBe(`console.log("lazy-schemas");\n`);
  });

  it("refuses a build whose manifest names no framework scripts, rather than hinting nothing", () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "unknot-hints-empty-"));
    writeFileSync(path.join(empty, "build-manifest.json"), JSON.stringify({ rootMainFiles: [] }));
    expect(() => startupScripts(empty)).toThrow(/rootMainFiles/);
    rmSync(empty, { recursive: true, force: true });
  });
});
