import path from "node:path";
import { readFileSync } from "node:fs";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

// A "use server" module reaches the browser as references to its actions, never as its code:
// left out of the bundle, as Next's bundler leaves it.
const serverActionsAsReferences: Plugin = {
  name: "server-actions-as-references",
  setup(b) {
    b.onResolve({ filter: /^(\.|@\/)/ }, async (args) => {
      if (args.pluginData === "inner") return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "inner" });
      if (r.errors.length > 0 || !/\.tsx?$/.test(r.path)) return undefined;
      return /^\s*["']use server["']/.test(readFileSync(r.path, "utf8")) ? { path: r.path, external: true } : { path: r.path };
    });
  },
};

// esbuild's browser bundle of a module, in memory, with its metafile.
const browserBuild = (entry: string) =>
  ({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: "browser",
    format: "esm",
    jsx: "automatic",
    logLevel: "silent",
    plugins: [serverActionsAsReferences],
  }) satisfies BuildOptions;

// The files a browser module pulls in, from esbuild's bundle of it (the same imports Next's
// bundler follows; "@/..." resolves through tsconfig.json).
async function inputsOf(entry: string): Promise<string[]> {
  const out = await build(browserBuild(entry));
  return Object.keys(out.metafile.inputs);
}

// The files a browser module loads before anything runs: its bundle split as a bundler splits it, less
// what it only loads later with import().
async function firstLoadInputsOf(entry: string): Promise<string[]> {
  const out = await build({ ...browserBuild(entry), splitting: true, outdir: "out" });
  const outputs = out.metafile.outputs;
  const start = Object.keys(outputs).find((o) => outputs[o]!.entryPoint);
  const seen = new Set<string>();
  const visit = (o: string) => {
    if (seen.has(o)) return;
    seen.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === "import-statement" && !i.external) visit(i.path);
  };
  visit(start!);
  return [...seen].flatMap((o) => Object.keys(outputs[o]!.inputs));
}

async function packagesOf(entry: string): Promise<string[]> {
  const pkgs = (await inputsOf(entry)).map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter((p): p is string => !!p);
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

// The forms validate in the browser with the schemas the server parses again, written with
// zod/mini: zod's classic API (its methods on every schema, all its checks and its English
// messages) would load and evaluate on every page with a form.
describe("the forms' client code", () => {
  const forms = [
    "app/settings/settings-form.tsx",
    "app/settings/session-controls.tsx",
    "app/settings/reminders-panel.tsx",
    "app/settings/reschedule-panel.tsx",
    "app/sign-in/sign-in-form.tsx",
    "app/sign-up/sign-up-form.tsx",
  ];
  it.each(forms)(
    "validates %s with zod/mini, without zod's classic API",
    async (form) => {
      const inputs = await inputsOf(form);
      expect(inputs.filter((f) => f.includes("node_modules/zod/v4/classic/"))).toEqual([]);
    },
    30_000,
  );

  it("still validates the settings form with zod in the browser", async () => {
    const inputs = await inputsOf("app/settings/settings-form.tsx");
    expect(inputs.some((f) => f.includes("node_modules/zod/v4/mini/"))).toBe(true);
  }, 30_000);
});

// /settings' forms load their schemas with their first Save (app/_components/lazy-resolver.ts):
// zod, even zod/mini (some 120 kB of script), is not evaluated with the page.
describe("/settings' first load", () => {
  it.each(["app/settings/settings-form.tsx", "app/settings/session-controls.tsx", "app/settings/reminders-panel.tsx"])(
    "loads %s without zod and loads its schema on the first save",
    async (form) => {
      const first = await firstLoadInputsOf(form);
      expect(first.filter((f) => f.includes("node_modules/zod/"))).toEqual([]);
      expect(first.some((f) => f.includes("react-hook-form"))).toBe(true);
      expect((await inputsOf(form)).some((f) => f.includes("node_modules/zod/v4/mini/"))).toBe(true);
    },
    30_000,
  );
});

// ts-fsrs (its scheduler class and all, some 30 kB of script) runs on the server and in the offline
// review; the panels of /settings and /progress only describe its results.
describe("client code of /settings and /progress", () => {
  it.each(["app/settings/reschedule-panel.tsx", "app/progress/_components/optimize-panel.tsx"])(
    "keeps ts-fsrs out of %s",
    async (panel) => {
      expect(await packagesOf(panel)).not.toContain("ts-fsrs");
    },
    30_000,
  );
});

// /review's first-load JavaScript is held to 150 kB (npm run bench): what only some sessions use
// (read aloud, the offline copy and the grades it keeps) loads after the card, and the backlog
// offer arrives worded by the server.
describe("/review's first load", () => {
  it("leaves read aloud and the offline copy's code to scripts loaded after the card", async () => {
    const first = await firstLoadInputsOf("app/review/review-session.tsx");
    const later = ["app/review/read-aloud-controls.tsx", "app/review/use-read-aloud.ts", "app/review/offline-review.ts", "lib/srs/offline/sync-request.ts"];
    expect(first.filter((f) => later.includes(f))).toEqual([]);
    const all = await inputsOf("app/review/review-session.tsx");
    expect(later.filter((f) => all.includes(f))).toEqual(later);
  }, 30_000);

  it("carries no wording of the backlog's moves in the offer", async () => {
    expect(await inputsOf("app/review/backlog-offer.tsx")).not.toContain("lib/srs/away/plan.ts");
  }, 30_000);
});
