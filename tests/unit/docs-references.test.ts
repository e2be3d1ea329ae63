import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

// README.md and docs/*.md may name only files, headings and npm scripts that exist: a moved or
// deleted file fails this test until the documentation follows it.
const ROOT = path.resolve(import.meta.dirname, "../..");
const DOCS = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const PATH_ROOTS = ["app", "lib", "scripts", "tests", "prisma", "content", "docs", "public", ".ci"];

const text = (doc: string) => readFileSync(path.join(ROOT, doc), "utf8");
const scripts = Object.keys((JSON.parse(text("package.json")) as { scripts: Record<string, string> }).scripts);

// A backticked span that is a repository path: `lib/db/sql.ts`, `app/learn/[slug]/page.tsx`,
// `content/lessons/*.yaml`, `lib/srs/review/queue.ts:105`.
function pathsNamed(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/`([^`\n]+)`/g)) {
    const span = m[1]!.trim().replace(/:\d+$/, "");
    // Spans with spaces are commands; `<slug>` and `…` mark placeholders.
    if (/[\s<>…]/.test(span)) continue;
    const root = span.split("/")[0]!;
    if (span.includes("/") && PATH_ROOTS.includes(root)) out.push(span);
  }
  return out;
}

// Links to files of the repository: [text](docs/data.md), [text](../README.md#anchor), <img src="docs/images/x.png">.
function linksNamed(markdown: string, doc: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/\]\(([^)\s]+)\)|src="([^"]+)"/g)) {
    const target = (m[1] ?? m[2]!).split("#")[0]!;
    if (!target || /^[a-z]+:/i.test(target)) continue;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(doc), target)));
  }
  return out;
}

// GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

// Links to a heading of a Markdown page (`[x](security.md#client-addresses-and-proxies)`, `[x](#reviews)`) whose heading is missing.
function brokenAnchors(markdown: string, doc: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/\]\(([^)\s#]*\.md|)#([^)\s]+)\)/g)) {
    const file = m[1] ? path.posix.normalize(path.posix.join(path.posix.dirname(doc), m[1])) : doc;
    if (!existsSync(path.join(ROOT, file))) continue;
    const headings = [...text(file).matchAll(/^#{1,6} (.+)$/gm)].map((h) => slug(h[1]!));
    if (!headings.includes(m[2]!)) out.push(`${file}#${m[2]}`);
  }
  return out;
}

function npmScriptsNamed(markdown: string): string[] {
  return [...markdown.matchAll(/npm run ([\w:.-]+)/g)].map((m) => m[1]!);
}

function exists(p: string): boolean {
  if (!p.includes("*")) return existsSync(path.join(ROOT, p));
  // A glob in its last part: `content/lessons/*.yaml` names at least one file.
  const dir = path.posix.dirname(p);
  const pattern = new RegExp(
    `^${path.posix
      .basename(p)
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")}$`,
  );
  return existsSync(path.join(ROOT, dir)) && readdirSync(path.join(ROOT, dir)).some((f) => pattern.test(f));
}

// Environment variables: a backticked span with one of the project's prefixes, or PORT
// (`UNKNOT_SEED_DEMO=0` names UNKNOT_SEED_DEMO).
const ENV_NAME = /^(?:(?:UNKNOT|DATABASE|NEXTAUTH|VAPID|E2E|CHROMIUM)_[A-Z0-9_]+|PORT)(?==|$)/;

function envNamed(markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/`([^`\n]+)`/g)) {
    for (const part of m[1]!.split(/\s+/)) {
      const name = ENV_NAME.exec(part)?.[0];
      if (name) out.add(name);
    }
  }
  return [...out];
}

// The code that may read a variable: everything but the documentation and installed packages.
const CODE_DIRS = ["app", "lib", "scripts", "tests", ".ci"];
const CODE_FILES = ["next.config.js", "vitest.config.ts", "proxy.ts", "instrumentation.ts", "package.json"];
let code: string | undefined;
function codeText(): string {
  if (code !== undefined) return code;
  const files: string[] = [...CODE_FILES];
  const walk = (dir: string) => {
    for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(?:ts|tsx|js|mjs|cjs)$|^run$/.test(e.name)) files.push(p);
    }
  };
  CODE_DIRS.forEach(walk);
  // This file names variables only as examples.
  code = files
    .filter((f) => f !== "tests/unit/docs-references.test.ts")
    .map(text)
    .join("\n");
  return code;
}

// The server's variables: the keys of lib/env.ts's main schema (the bench's have their own).
function serverEnvNames(): string[] {
  const body = /const schema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(text("lib/env.ts"))?.[1] ?? "";
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
}

// The README's configuration table: each row's variables (one or more) and its default column.
function configurationRows(readme: string): { names: string[]; fallback: string }[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith("Configuration")) ?? "";
  return section
    .split("\n")
    .filter((l) => /^\| `/.test(l))
    .map((l) => {
      const [names, fallback] = l
        .split("|")
        .slice(1, 3)
        .map((c) => c.trim());
      return { names: [...names!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!), fallback: fallback!.replace(/`/g, "") };
    });
}

// A default as the table writes it: a flag as 0 or 1, no value as "unset" or "generated".
function shownDefault(value: unknown): string[] {
  if (value === undefined) return ["unset", "generated"];
  if (typeof value === "boolean") return [value ? "1" : "0"];
  return [String(value)];
}

describe("the documentation", () => {
  it("finds the paths, links and scripts it is checking", () => {
    expect(pathsNamed("See `lib/db/sql.ts:12`, `app/learn/[slug]/page.tsx`, `npm test`, `/review`, `lib/x/<name>.ts` and `lib/a b`.")).toEqual([
      "lib/db/sql.ts",
      "app/learn/[slug]/page.tsx",
    ]);
    expect(linksNamed('[a](data.md#x), [b](../README.md), [c](https://example.com), <img src="images/a.png">', "docs/using.md")).toEqual([
      "docs/data.md",
      "README.md",
      "docs/images/a.png",
    ]);
    expect(npmScriptsNamed("Run `npm run db:prepare`, then npm run bench -- --only grading.")).toEqual(["db:prepare", "bench"]);
    expect(brokenAnchors("[a](security.md#client-addresses-and-proxies), [b](security.md#no-such-part), [c](#nowhere)", "docs/using.md")).toEqual([
      "docs/security.md#no-such-part",
      "docs/using.md#nowhere",
    ]);
    expect(envNamed("Set `UNKNOT_SEED_DEMO=0`, `PORT=8080 npm start`, `DATABASE_URL`, not `SAFETY_MAX_INTERVAL_DAYS` or `REPORT`.")).toEqual([
      "UNKNOT_SEED_DEMO",
      "PORT",
      "DATABASE_URL",
    ]);
    expect(configurationRows("## Configuration\n\n| variable | default |\n| --- | --- |\n| `A_B`, `C_D` | `10` |\n\n## Next\n| `E_F` | x |")).toEqual([
      { names: ["A_B", "C_D"], fallback: "10" },
    ]);
  });

  it("is named by the code's comments only where a page exists", () => {
    const missing = [...new Set(codeText().match(/\bdocs\/[\w.-]+\.md\b/g) ?? [])].filter((doc) => !existsSync(path.join(ROOT, doc)));
    expect(missing, "comments name documentation pages that do not exist").toEqual([]);
  });

  it("keeps the README short: at most 200 lines", () => {
    expect(text("README.md").split("\n").length).toBeLessThanOrEqual(200);
  });

  it("names in the README's configuration table every variable lib/env.ts reads for the server, with its default, and nothing else", () => {
    const rows = configurationRows(text("README.md"));
    const server = serverEnvNames();
    expect(server).toContain("DATABASE_URL");
    expect(rows.flatMap((r) => r.names).sort()).toEqual([...server].sort());
    const defaults = parseEnv({}) as Record<string, unknown>;
    const wrong = rows.flatMap((r) => r.names.filter((n) => !shownDefault(defaults[n]).includes(r.fallback)).map((n) => `${n}: ${r.fallback}`));
    expect(wrong, "README rows whose default is not lib/env.ts's").toEqual([]);
  });

  for (const doc of DOCS) {
    it(`${doc} names only files that exist`, () => {
      const md = text(doc);
      const missing = [...pathsNamed(md), ...linksNamed(md, doc)].filter((p) => !exists(p));
      expect(missing, `${doc} names missing files`).toEqual([]);
    });

    it(`${doc} links only to headings that exist`, () => {
      expect(brokenAnchors(text(doc), doc), `${doc} links to missing headings`).toEqual([]);
    });

    it(`${doc} names only environment variables that the code reads`, () => {
      const code = codeText();
      const missing = envNamed(text(doc)).filter((name) => !code.includes(name));
      expect(missing, `${doc} names variables no code reads`).toEqual([]);
    });

    it(`${doc} is written without the first person`, () => {
      // "I'm away" is a page's name and I/O a word; a lone "I" is someone's diary.
      const lines = text(doc)
        .split("\n")
        .filter((l) => /(?<![\w'’])I(?![\w'’/])/.test(l));
      expect(lines, `${doc} says "I"`).toEqual([]);
    });

    it(`${doc} names only npm scripts that package.json defines`, () => {
      const missing = npmScriptsNamed(text(doc)).filter((s) => !scripts.includes(s));
      expect(missing, `${doc} names missing npm scripts`).toEqual([]);
    });
  }
});
