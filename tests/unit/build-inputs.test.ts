import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_INPUTS } from "../../scripts/env";

const ROOT = path.resolve(import.meta.dirname, "../..");

// `npm start` and the e2e suite rebuild only when the source hash changes; a compiled file
// left out of it means an edit to that file runs on the old build.
describe("the production build's source hash", () => {
  it("covers every root file that Next compiles into the build (instrumentation, proxy, middleware)", () => {
    const conventions = readdirSync(ROOT).filter((f) => /^(instrumentation|proxy|middleware)\.(ts|js)$/.test(f));
    expect(conventions.length).toBeGreaterThan(0);
    for (const f of conventions) expect(BUILD_INPUTS).toContain(f);
  });

  it("covers every script the build and the server bundle are made from (build.ts, serve.ts and what they import from scripts/)", () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, rel] of readFileSync(path.join(ROOT, file), "utf8").matchAll(/from "(\.\/[^"]+)"/g)) {
        visit(path.posix.join("scripts", `${rel!.slice(2)}.ts`));
      }
    };
    visit("scripts/build.ts");
    visit("scripts/serve.ts");
    expect(seen.size).toBeGreaterThan(4);
    for (const f of seen) expect(BUILD_INPUTS).toContain(f);
  });
});
