import type { IncomingMessage, ServerResponse } from "node:http";

// A request whose body stops arriving (a Content-Length longer than what is sent, a stalled
// upload) is answered 408 and closed once no byte has come for this long; an upload that is
// slow but moving (a large import from a phone) goes on. Node's requestTimeout (5 minutes)
// still bounds a whole request.
export const BODY_IDLE_TIMEOUT_MS = 15_000;

function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

export function limitBodyIdle(req: IncomingMessage, res: ServerResponse): void {
  if (!hasBody(req)) return;
  // On the request, not the socket: Node then leaves the timeout to this handler instead of
  // destroying the socket unanswered.
  req.setTimeout(BODY_IDLE_TIMEOUT_MS, () => {
    if (!res.headersSent) res.writeHead(408, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end("The request body stopped arriving.");
    req.socket.destroySoon();
  });
  // It stops once the body has all arrived or the request closes; once the answer is out, Node's
  // keep-alive timeout owns the socket's timer. A request that closes may already have let go of
  // its socket (a connection that ended early): nothing is left to stop then, and Node's
  // req.setTimeout would throw, uncaught, on the missing socket.
  const stop = () => {
    if (!res.writableFinished) req.socket?.setTimeout(0);
  };
  req.once("end", stop);
  req.once("close", stop);
}
