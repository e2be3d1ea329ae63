import { describe, expect, it } from "vitest";
import { fromThisSite, isHttps, isJsonContentType, siteOrigin, siteUrl } from "@/lib/auth/site-origin";
import { actionEnvelopeIsValid, isFetchAction } from "@/lib/action-envelope";

const h = (o: Record<string, string>) => new Headers(o);

describe("the site's origin (the one redirect rule)", () => {
  it("is NEXTAUTH_URL's origin when it is set, whatever host the request came to", () => {
    expect(siteOrigin(h({ host: "127.0.0.1:3000", "x-forwarded-host": "127.0.0.1:3000", "x-forwarded-proto": "http" }), "https://unknot.example/app")).toBe(
      "https://unknot.example",
    );
  });

  it("is the forwarded scheme and host our server wrote when NEXTAUTH_URL is unset", () => {
    expect(siteOrigin(h({ host: "localhost:3000", "x-forwarded-host": "127.0.0.1:3000", "x-forwarded-proto": "http" }), undefined)).toBe(
      "http://127.0.0.1:3000",
    );
    expect(siteOrigin(h({ host: "10.0.0.5:3000", "x-forwarded-host": "learn.example, proxy.internal", "x-forwarded-proto": "https, http" }), undefined)).toBe(
      "https://learn.example",
    );
    expect(siteOrigin(h({ host: "127.0.0.1:4000" }), undefined)).toBe("http://127.0.0.1:4000");
  });

  it("never takes a path or user name from a Host header", () => {
    for (const host of ["evil.example/x", "a@evil.example", "evil.example\\x"])
      expect(siteOrigin(h({ "x-forwarded-host": host }), undefined)).toBe("http://localhost");
  });

  it("builds redirects for same-site paths only", () => {
    expect(siteUrl("/learn?x=1", h({ "x-forwarded-host": "127.0.0.1:3000" }), undefined).href).toBe("http://127.0.0.1:3000/learn?x=1");
    expect(() => siteUrl("//evil.example", h({ "x-forwarded-host": "127.0.0.1:3000" }), undefined)).toThrow();
  });

  it("says https only for an https origin", () => {
    expect(isHttps("https://a.example")).toBe(true);
    expect(isHttps("http://a.example")).toBe(false);
  });
});

describe("writes from the site's own pages", () => {
  const own = { host: "127.0.0.1:3000", "x-forwarded-host": "127.0.0.1:3000" };

  it("accepts the site's own origin, over either scheme, and NEXTAUTH_URL's host", () => {
    expect(fromThisSite(h({ ...own, origin: "http://127.0.0.1:3000" }), undefined)).toBe(true);
    expect(fromThisSite(h({ ...own, origin: "https://127.0.0.1:3000" }), undefined)).toBe(true);
    expect(fromThisSite(h({ ...own, origin: "https://learn.example" }), "https://learn.example")).toBe(true);
  });

  it("refuses another port, another subdomain, another site and an opaque origin", () => {
    for (const origin of ["http://127.0.0.1:3001", "http://evil.127.0.0.1:3000", "https://evil.example", "null", "http://127.0.0.1"]) {
      expect(fromThisSite(h({ ...own, origin }), undefined), origin).toBe(false);
    }
  });

  it("without Origin, goes by Sec-Fetch-Site, and lets a request with neither through (not a browser)", () => {
    expect(fromThisSite(h({ ...own, "sec-fetch-site": "same-origin" }), undefined)).toBe(true);
    expect(fromThisSite(h({ ...own, "sec-fetch-site": "same-site" }), undefined)).toBe(false);
    expect(fromThisSite(h({ ...own, "sec-fetch-site": "cross-site" }), undefined)).toBe(false);
    expect(fromThisSite(h(own), undefined)).toBe(true);
  });

  it("needs a body declared as JSON", () => {
    for (const t of ["application/json", "application/json; charset=utf-8", "Application/JSON"]) expect(isJsonContentType(t), t).toBe(true);
    for (const t of [
      null,
      "text/plain",
      "text/plain;charset=UTF-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
    ]) {
      expect(isJsonContentType(t), String(t)).toBe(false);
    }
  });
});

describe("a server action call's envelope", () => {
  const call = (body: BodyInit, type: string) =>
    new Request("http://x/settings", { method: "POST", headers: { "next-action": "7f00", "content-type": type }, body });

  it("is checked only for calls Next would decode", () => {
    expect(isFetchAction("POST", h({ "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" }))).toBe(true);
    expect(isFetchAction("POST", h({ "next-action": "7f00", "content-type": "application/x-www-form-urlencoded" }))).toBe(false);
    expect(isFetchAction("POST", h({ "content-type": "text/plain" }))).toBe(false);
    expect(isFetchAction("GET", h({ "next-action": "7f00" }))).toBe(false);
  });

  it("accepts the argument lists React sends, as text or as a form's field 0", async () => {
    expect(await actionEnvelopeIsValid(call('[{"email":"a@b.c"}]', "text/plain;charset=UTF-8"))).toBe(true);
    const form = new FormData();
    form.set("0", '[{"email":"a@b.c"}]');
    expect(await actionEnvelopeIsValid(new Request("http://x/", { method: "POST", body: form }))).toBe(true);
  });

  it("accepts React's value tokens and references to objects met twice", async () => {
    for (const body of [
      '["$$dollars", "$undefined", "$NaN", "$-Infinity", "$-0", "$D2026-01-01T00:00:00.000Z", "$n12", "$T"]',
      '[{"a":{"b":1},"c":"$0:0:a"}]',
      '["$0"]',
    ]) {
      expect(await actionEnvelopeIsValid(call(body, "text/plain;charset=UTF-8")), body).toBe(true);
    }
  });

  it("refuses bodies that are not a JSON argument list of plain data", async () => {
    const bodies = [
      "{{{ nope",
      "",
      '"x"',
      "{}",
      "[1,2",
      '["$1"]',
      '["$Q1"]',
      '["$B1"]',
      '["$h1"]',
      '["$F1"]',
      '["$K1"]',
      '["$@1"]',
      '["$i1"]',
      '["$l1"]',
      '["$W1"]',
      '["$S"]',
      '["$Z"]',
      '["$nzz"]',
      '["$0:"]',
      '["$0:9:9"]',
      '[{"deep":{"x":"$1"}}]',
    ];
    for (const body of bodies) expect(await actionEnvelopeIsValid(call(body, "text/plain;charset=UTF-8")), body).toBe(false);
    expect(await actionEnvelopeIsValid(call("garbage", "multipart/form-data; boundary=xx"))).toBe(false);
    const form = new FormData();
    form.set("a", "1");
    expect(await actionEnvelopeIsValid(new Request("http://x/", { method: "POST", body: form }))).toBe(false);
  });
});
