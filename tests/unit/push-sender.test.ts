import { createECDH, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendPush, type ReminderPayload } from "@/lib/reminders/push";

// A local HTTP server stands in for a push service: it records each request and answers
// with the status the test asks for. The browser's side is played by an ECDH key pair and an
// auth secret made here, which is all that is needed to decrypt what the sender sent.

type Received = { path: string; headers: IncomingHttpHeaders; body: Buffer };
const received: Received[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      const status = Number(/status=(\d+)/.exec(req.url ?? "")?.[1] ?? 201);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const vapid = { subject: "mailto:test@example.com", ...webpush.generateVAPIDKeys() };
const payload: ReminderPayload = { title: "Time for a short review", body: "3 cards are due today.", url: "/review", badge: 3, tag: "review-reminder" };

function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") };
}

describe("sending a push message", () => {
  it("posts the payload encrypted for the subscription's keys, signed with the VAPID key", async () => {
    const keys = browserKeys();
    const outcome = await sendPush({ endpoint: `${base}/push/device-1`, p256dh: keys.p256dh, auth: keys.auth }, payload, vapid);
    expect(outcome).toBe("sent");
    const req = received.at(-1)!;
    expect(req.path).toBe("/push/device-1");
    expect(req.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(req.headers.ttl)).toBeGreaterThan(0);
    expect(req.headers.authorization).toMatch(new RegExp(`^vapid t=[^,]+, k=${vapid.publicKey}$`));
    const plain = ece.decrypt(req.body, { version: "aes128gcm", privateKey: keys.ecdh, authSecret: keys.auth });
    expect(JSON.parse(plain.toString("utf8"))).toEqual(payload);
  });

  it("cannot be read with another device's keys", async () => {
    const keys = browserKeys();
    await sendPush({ endpoint: `${base}/push/device-2`, p256dh: keys.p256dh, auth: keys.auth }, payload, vapid);
    const other = browserKeys();
    expect(() => ece.decrypt(received.at(-1)!.body, { version: "aes128gcm", privateKey: other.ecdh, authSecret: other.auth })).toThrow();
  });

  it("reports a subscription the push service no longer knows (404, 410) as gone", async () => {
    const keys = browserKeys();
    expect(await sendPush({ endpoint: `${base}/push/x?status=410`, p256dh: keys.p256dh, auth: keys.auth }, payload, vapid)).toBe("gone");
    expect(await sendPush({ endpoint: `${base}/push/x?status=404`, p256dh: keys.p256dh, auth: keys.auth }, payload, vapid)).toBe("gone");
  });

  it("reports other errors as a failure, not as gone", async () => {
    const keys = browserKeys();
    expect(await sendPush({ endpoint: `${base}/push/x?status=500`, p256dh: keys.p256dh, auth: keys.auth }, payload, vapid)).toBe("failed");
    expect(await sendPush({ endpoint: `${base}/push/x?status=429`, p256dh: keys.p256dh, auth: keys.auth }, payload, vapid)).toBe("failed");
  });
});
