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
  // The request lets go of its socket once it is over (req.socket turns null), yet a timeout can
  // still reach it: the socket is kept here.
  const socket = req.socket;
  // On the request, not the socket: Node then leaves the timeout to this handler instead of
  // destroying the socket unanswered. A route that answered without reading the whole body
  // leaves the timer running: the connection is closed then too.
  req.setTimeout(BODY_IDLE_TIMEOUT_MS, () => {
    if (!res.headersSent) res.writeHead(408, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end("The request body stopped arriving.");
    socket.destroySoon();
  });
  // It stops once the body has all arrived or the request closes; once the answer is out, Node's
  // keep-alive timeout owns the socket's timer.
  const stop = () => {
    if (!res.writableFinished) socket.setTimeout(0);
  };
  req.once("end", stop);
  req.once("close", stop);
}
