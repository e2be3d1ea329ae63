import { Socket } from "node:net";
import { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { BODY_IDLE_TIMEOUT_MS, limitBodyIdle } from "../../scripts/body-idle";

function request(headers: Record<string, string>) {
  const socket = new Socket();
  const req = new IncomingMessage(socket);
  req.headers = headers;
  return { socket, req, res: new ServerResponse(req) };
}

describe("the stalled-body timer", () => {
  it("runs on a request with a body, stops when the body has arrived, and never throws when the request closes without its socket", () => {
    const { socket, req, res } = request({ "content-length": "10" });
    limitBodyIdle(req, res);
    expect(socket.timeout).toBe(BODY_IDLE_TIMEOUT_MS);
    req.emit("end");
    expect(socket.timeout).toBe(0);

    const closing = request({ "content-length": "10" });
    limitBodyIdle(closing.req, closing.res);
    (closing.req as { socket: Socket | null }).socket = null;
    expect(() => closing.req.emit("close")).not.toThrow();
  });

  it("closes the connection when the body stops arriving, even once the request has let go of its socket", () => {
    const { socket, req, res } = request({ "content-length": "10" });
    limitBodyIdle(req, res);
    (req as { socket: Socket | null }).socket = null;
    expect(() => req.emit("timeout")).not.toThrow();
    expect(res.statusCode).toBe(408);
    expect(socket.destroyed || socket.writableEnded).toBe(true);
  });

  it("leaves a request without a body alone", () => {
    const { socket, req, res } = request({});
    limitBodyIdle(req, res);
    expect(socket.timeout).toBeUndefined();
  });
});
