// The page's start-up scripts, requested after its first paint (lib/paint-first.ts says why).
// As a page's HTML streams out, each of Next's `<script src="/_next/static/…" async>` tags
// becomes an inline line that queues the address for the head script, keeping the tag's nonce;
// the low-priority preload Next adds for its bootstrap script goes, since it would start the
// download at once. Everything else passes through untouched. Pure, apart from `paintFirst`,
// which applies it to a response.
import type { ServerResponse } from "node:http";
import { StringDecoder } from "node:string_decoder";
import { STARTUP_QUEUE_GLOBAL } from "../lib/paint-first";

const SCRIPT_SRC = /^\/_next\/static\/[\w./~-]+\.js$/;
const TAG = /<script\b([^>]*)><\/script>|<link\b([^>]*?)\/?>/g;
// An opening tag at the very end of what has arrived, whose closing tag may be in the next piece.
const OPEN_SCRIPT_AT_END = /<script\b[^>]*>$/;

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attrs.set(m[1]!.toLowerCase(), m[2] ?? "");
  return attrs;
}

export function queueLine(src: string, nonce?: string): string {
  const nonceAttr = nonce === undefined ? "" : ` nonce="${nonce}"`;
  return `<script${nonceAttr}>(self.${STARTUP_QUEUE_GLOBAL}=self.${STARTUP_QUEUE_GLOBAL}||[]).push(${JSON.stringify(src)})</script>`;
}

function rewriteTag(tag: string, scriptAttrs: string | undefined, linkAttrs: string | undefined): string {
  if (scriptAttrs !== undefined) {
    const a = attributes(scriptAttrs);
    const src = a.get("src");
    if (!src || !a.has("async") || a.has("nomodule") || a.has("type") || !SCRIPT_SRC.test(src)) return tag;
    return queueLine(src, a.get("nonce"));
  }
  const a = attributes(linkAttrs ?? "");
  const isScriptPreload = a.get("rel") === "preload" && a.get("as") === "script" && SCRIPT_SRC.test(a.get("href") ?? "");
  return isScriptPreload ? "" : tag;
}

export function rewriteStartupTags(html: string): string {
  return html.replace(TAG, (tag, scriptAttrs: string | undefined, linkAttrs: string | undefined) => rewriteTag(tag, scriptAttrs, linkAttrs));
}

// The rewriting of a stream cut anywhere: what could be the start of a tag still to be completed
// by the next piece is held back.
export class StartupTagRewriter {
  private held = "";

  push(piece: string): string {
    const text = this.held + piece;
    let cut = text.lastIndexOf("<");
    if (cut === -1 || text.indexOf(">", cut) !== -1) cut = text.length;
    const open = OPEN_SCRIPT_AT_END.exec(text.slice(0, cut));
    if (open) cut = open.index;
    this.held = text.slice(cut);
    return rewriteStartupTags(text.slice(0, cut));
  }

  end(): string {
    const rest = this.held;
    this.held = "";
    return rewriteStartupTags(rest);
  }
}

// The addresses of the start-up scripts a page names, as tags or as queued lines: what a first
// visit downloads (the benchmark's JavaScript budget, the compile-hint test). Next's `noModule`
// scripts are left out: no browser Next supports downloads them.
export function startupScriptsOf(html: string): string[] {
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    const src = a.get("src");
    if (src && !a.has("nomodule")) srcs.add(src.replace(/&amp;/g, "&"));
  }
  const queued = new RegExp(`\\.${STARTUP_QUEUE_GLOBAL}\\|\\|\\[\\]\\)\\.push\\(("[^"]+")\\)`, "g");
  for (const m of html.matchAll(queued)) srcs.add(JSON.parse(m[1]!) as string);
  return [...srcs];
}

type Write = ServerResponse["write"];
type End = ServerResponse["end"];
type WriteHead = ServerResponse["writeHead"];
type Callback = (error?: Error | null) => void;

// Applies the rewriting to a response's body when it is HTML. Its length changes, so a
// Content-Length Next set is dropped (the response is then chunked, as streamed pages are).
export function paintFirst(res: ServerResponse): void {
  let html: boolean | undefined;
  const isHtml = () => (html ??= /^text\/html\b/i.test(String(res.getHeader("content-type") ?? "")));
  // Made for the first HTML chunk: other responses (scripts, images, JSON) pass by untouched.
  let stream: { decoder: StringDecoder; rewriter: StartupTagRewriter } | undefined;
  const htmlStream = () => (stream ??= { decoder: new StringDecoder("utf8"), rewriter: new StartupTagRewriter() });
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;

  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // Headers given here, rather than set before, are set first, so that they are seen.
    const headers = args.find((a, i) => i > 0 && a !== null && typeof a === "object" && !Array.isArray(a)) as Record<string, string> | undefined;
    if (headers) for (const [k, v] of Object.entries(headers)) this.setHeader(k, v);
    if (isHtml()) this.removeHeader("content-length");
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(
      this,
      args.filter((a) => a !== headers),
    );
  } as WriteHead;

  const text = (chunk: unknown, encoding: unknown): string =>
    htmlStream().decoder.write(
      typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array),
    );

  res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, cb?: unknown) {
    if (!isHtml() || chunk === undefined || chunk === null) return (write as (...a: unknown[]) => boolean).call(this, chunk, encoding, cb);
    const callback = (typeof encoding === "function" ? encoding : cb) as Callback | undefined;
    return write.call(this, htmlStream().rewriter.push(text(chunk, encoding)), "utf8", callback);
  } as Write;

  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
    if (!isHtml()) return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, cb);
    const callback = [chunk, encoding, cb].find((a) => typeof a === "function") as Callback | undefined;
    const last = chunk === undefined || chunk === null || typeof chunk === "function" ? "" : text(chunk, encoding);
    const { decoder, rewriter } = htmlStream();
    const rest = rewriter.push(last + decoder.end()) + rewriter.end();
    return end.call(this, rest, "utf8", callback);
  } as End;
}
