import { readdirSync } from "node:fs";
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
});
