// Which address a request comes from, and the forwarding headers the app may trust.
//
// Next's server fills X-Forwarded-For from the socket only when a request has none, so left
// alone a client chooses its own address and escapes every per-address limit. Our server
// (scripts/serve.ts) therefore rewrites the forwarding headers before Next sees them:
// with no trusted proxy the address is the socket's; behind N trusted proxies it is the
// entry the outermost trusted proxy appended, N places from the end of the chain.

type Headers = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// "::ffff:127.0.0.2" (an IPv4 client on a dual-stack socket) is the IPv4 address 127.0.0.2.
export function normalizeAddress(a: string | undefined): string {
  const t = (a ?? "").trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(t);
  return (mapped ? mapped[1]! : t).slice(0, 64) || "unknown";
}

export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...listed, socketAddress ?? ""];
  // Entries left of the trusted hops were written by whoever connected to the outermost
  // trusted proxy; only the one that proxy appended can be believed.
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - trustedProxies)]);
}

export type ForwardedHeaders = { "x-forwarded-for": string; "x-forwarded-host": string; "x-forwarded-proto": string };

// The forwarding headers Next and next-auth will see. Without a trusted proxy, the host and
// scheme are the request's own, so redirects go back to the host the user came to.
export function forwardedHeaders(headers: Headers, socketAddress: string | undefined, encrypted: boolean, trustedProxies: number): ForwardedHeaders {
  const host = first(headers.host) ?? "localhost";
  const proxied = trustedProxies > 0;
  return {
    "x-forwarded-for": clientAddress(headers["x-forwarded-for"], socketAddress, trustedProxies),
    "x-forwarded-host": (proxied && first(headers["x-forwarded-host"])?.split(",")[0]?.trim()) || host,
    "x-forwarded-proto": (proxied && first(headers["x-forwarded-proto"])?.split(",")[0]?.trim()) || (encrypted ? "https" : "http"),
  };
}

// For code inside the app: the address our server put in X-Forwarded-For.
export function requestClientAddress(headers: Headers): string {
  return normalizeAddress(first(headers["x-forwarded-for"])?.split(",")[0]);
}
