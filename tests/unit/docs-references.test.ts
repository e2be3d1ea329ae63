import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

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

    it(`${doc} names only npm scripts that package.json defines`, () => {
      const missing = npmScriptsNamed(text(doc)).filter((s) => !scripts.includes(s));
      expect(missing, `${doc} names missing npm scripts`).toEqual([]);
    });
  }
});
