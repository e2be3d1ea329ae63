import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

// The packages a browser module pulls in, from esbuild's bundle of it (the same imports
// Next's bundler follows; "@/..." resolves through tsconfig.json).
async function packagesOf(entry: string): Promise<string[]> {
  const out = await build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: "browser",
    format: "esm",
    logLevel: "silent",
  });
  const pkgs = Object.keys(out.metafile.inputs)
    .map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1])
    .filter((p): p is string => !!p);
  return [...new Set(pkgs)].sort();
}

// zod takes about 110 kB of script and, on a 4x slower phone CPU, a long task of some 150 ms to
// evaluate: code that runs after every /review load (its offline copy) must not bring it.
describe("client code loaded on every review", () => {
  it("keeps zod out of the offline review module that /review loads after the first card", async () => {
    const pkgs = await packagesOf("app/review/offline-review.ts");
    expect(pkgs).toContain("ts-fsrs");
    expect(pkgs).not.toContain("zod");
  }, 30_000);
});
