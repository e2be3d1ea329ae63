// The build's scripts and stylesheets compressed once, at build time, instead of on every
// request: Next's own server gzips each static file anew for each visitor (CPU the page's first
// load competes with on a small server), and at its default level. scripts/build.ts writes a
// Brotli (quality 11) and a gzip (level 9) copy beside each file under <build>/static;
// scripts/serve.ts answers /_next/static/ requests with the smallest copy the browser accepts
// and leaves everything else, and any file without copies, to Next. Brotli makes the framework's
// scripts, which every page needs, about a sixth smaller over the wire than Next's gzip.
import { createReadStream, existsSync, readdirSync, statSync, writeFileSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
};

const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

// The encoding to answer with, from the request's Accept-Encoding: Brotli, then gzip, and
// neither if the client refuses both (q=0) or names neither.
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

// The file under <build>/static a request path names, or null when it is not a static script or
// stylesheet or tries to leave the directory.
export function staticFileFor(urlPath: string, staticDir: string): string | null {
  const prefix = "/_next/static/";
  if (!urlPath.startsWith(prefix)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.slice(prefix.length).split("?")[0]!);
  } catch {
    return null;
  }
  if (!(path.extname(rel) in TYPES)) return null;
  const file = path.resolve(staticDir, rel);
  return file.startsWith(path.resolve(staticDir) + path.sep) ? file : null;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(p);
    else if (path.extname(p) in TYPES) yield p;
  }
}

// Writes the .br and .gz copies; returns how many files it compressed.
export function precompressStatic(staticDir: string): number {
  let n = 0;
  for (const file of filesUnder(staticDir)) {
    const body = readFileSync(file);
    writeFileSync(
      file + SUFFIX.br,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    );
    writeFileSync(file + SUFFIX.gzip, gzipSync(body, { level: 9 }));
    n++;
  }
  return n;
}

// Answers a GET or HEAD for a precompressed static file and returns true; returns false, having
// written nothing, for every other request.
export function servePrecompressed(req: IncomingMessage, res: ServerResponse, staticDir: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const file = staticFileFor(req.url ?? "", staticDir);
  if (!file || req.headers.range) return false;
  const encoding = chooseEncoding(req.headers["accept-encoding"] as string | undefined);
  if (!encoding) return false;
  const copy = file + SUFFIX[encoding];
  if (!existsSync(copy)) return false;
  res.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)]!,
    "Content-Encoding": encoding,
    "Content-Length": statSync(copy).size,
    // The file names carry a content hash: a new build serves new names.
    "Cache-Control": "public, max-age=31536000, immutable",
    Vary: "Accept-Encoding",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(copy).pipe(res);
  return true;
}
