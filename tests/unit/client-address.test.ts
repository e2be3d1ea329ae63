import { describe, expect, it } from "vitest";
import { clientAddress, forwardedHeaders, normalizeAddress, requestClientAddress } from "@/lib/auth/client-address";

describe("the client address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "127.0.0.2", 0)).toBe("127.0.0.2");
    expect(clientAddress(["1.1.1.1", "2.2.2.2"], "::ffff:127.0.0.3", 0)).toBe("127.0.0.3");
    expect(clientAddress(undefined, "::1", 0)).toBe("::1");
  });

  it("is the entry the trusted proxy appended, not what the client put before it", () => {
    // client forged "6.6.6.6"; the proxy (socket 10.0.0.2) appended the real client 198.51.100.4
    expect(clientAddress("6.6.6.6, 198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
    // two proxies: the outer one appended 198.51.100.4, the inner one 10.0.0.5
    expect(clientAddress("6.6.6.6, 198.51.100.4, 10.0.0.5", "10.0.0.2", 2)).toBe("198.51.100.4");
  });

  it("falls back to the leftmost entry when fewer hops arrived than are trusted", () => {
    expect(clientAddress(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientAddress("198.51.100.4", "10.0.0.2", 3)).toBe("198.51.100.4");
  });

  it("normalizes IPv4-mapped, bracketed and empty addresses and caps their length", () => {
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("")).toBe("unknown");
    expect(normalizeAddress("x".repeat(100))).toHaveLength(64);
  });
});

describe("the forwarding headers the app sees", () => {
  it("without a trusted proxy, carry the socket address and the request's own host and scheme", () => {
    const h = forwardedHeaders(
      { host: "127.0.0.1:3000", "x-forwarded-for": "9.9.9.9", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      "127.0.0.1",
      false,
      0,
    );
    expect(h).toEqual({ "x-forwarded-for": "127.0.0.1", "x-forwarded-host": "127.0.0.1:3000", "x-forwarded-proto": "http" });
    expect(requestClientAddress(h)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, keep the host and scheme the proxy reported", () => {
    const h = forwardedHeaders(
      { host: "app:3000", "x-forwarded-for": "198.51.100.4", "x-forwarded-host": "unknot.example", "x-forwarded-proto": "https" },
      "10.0.0.2",
      false,
      1,
    );
    expect(h).toEqual({ "x-forwarded-for": "198.51.100.4", "x-forwarded-host": "unknot.example", "x-forwarded-proto": "https" });
  });
});
