// The production server: Next's request handler behind a plain Node HTTP server, so that the
// client address comes from the socket (or from a configured number of trusted proxies),
// never from a header the client wrote. `npm run build` bundles this file into the build
// directory (unknot-serve.mjs, see scripts/build.ts), and `npm start` and the end-to-end tests
// run that with plain `node`: one process, so a signal reaches the server itself.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { constants } from "node:zlib";
import compression from "compression";
import { env, sessionSecret } from "../lib/env";
import { forwardedHeaders } from "../lib/auth/client-address";
import { servePrecompressed } from "./precompressed-static";
import { keepEngineDate } from "./engine-date";
import { paintFirst } from "./paint-first-html";
import { limitBodyIdle } from "./body-idle";

// Set in the bundle (scripts/build.ts), which does not sit beside the sources.
declare const __UNKNOT_ROOT__: string | undefined;
const ROOT = typeof __UNKNOT_ROOT__ === "string" ? __UNKNOT_ROOT__ : path.resolve(import.meta.dirname, "..");

// Pages, RSC payloads and API answers, compressed as they stream: Brotli where the browser
// accepts it (every current one does), gzip otherwise; Next's own compression (off in
// next.config.js) only gzips. A page's RSC payload repeats its text further back than gzip's
// 32 kB window reaches, which Brotli's larger window still finds: a lesson page's HTML goes over
// the wire about a third smaller. Next flushes the stream after each chunk it renders
// (res.flush, added here), so the page still arrives in pieces.
const BROTLI_QUALITY = 5;
const compress = compression({ brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } }) as unknown as (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

export async function serve(): Promise<void> {
  const config = env();
  // A missing secret stops the server here, with a message, rather than failing every sign-in.
  sessionSecret(config);
  // Without a configured public URL, next-auth builds its redirects from the request's host
  // (which forwardedHeaders below makes trustworthy) instead of defaulting to localhost:3000.
  if (!config.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "1";
  // Next is loaded here, not imported above, so that the engine's Date is kept before Next
  // replaces it (scripts/engine-date.ts); Next's server is loaded by the time it is prepared.
  const restoreEngineDate = keepEngineDate();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: ROOT, port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  restoreEngineDate();
  const staticDir = path.join(ROOT, config.UNKNOT_DIST_DIR, "static");
  const server = createServer((req, res) => {
    // The build's scripts and stylesheets, compressed at build time (scripts/precompressed-static.ts).
    if (servePrecompressed(req, res, staticDir)) return;
    Object.assign(req.headers, forwardedHeaders(req.headers, req.socket.remoteAddress, false, config.UNKNOT_TRUSTED_PROXIES));
    limitBodyIdle(req, res);
    compress(req, res, () => {
      // Pages ask for their start-up scripts once they have painted (scripts/paint-first-html.ts).
      paintFirst(res);
      handle(req, res).catch((e: unknown) => {
        console.error(e);
        if (!res.headersSent) res.writeHead(500).end("Internal error");
      });
    });
  });
  // Every address, IPv4 and IPv6, as `next start` listens.
  server.listen(config.PORT, () => console.log(`[unknot] serving on http://localhost:${config.PORT}`));
  // Finish the requests in flight, then exit; a client holding a connection open cannot keep
  // the process alive past 5 s.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (import.meta.url === `file://${process.argv[1]}` || typeof __UNKNOT_ROOT__ === "string") {
  serve().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
