import { describe, expect, it } from "vitest";
import { safeCallback } from "@/app/_components/safe-callback";

// Each of these, followed by a browser or by new URL(value, origin), leaves the site.
const BYPASSES = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "\t//evil.example",
  "/\r\n/evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/x/../..//evil.example",
  "https://evil.example",
  "http://evil.example/review",
  "HTTPS://evil.example",
  "https:/evil.example",
  "//user:pass@evil.example",
  "//unknot.invalid@evil.example",
  "https://unknot.invalid@evil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "\tjavascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "//evil.example/%2F..",
  " //evil.example",
];

describe("the callback after signing in", () => {
  it.each(BYPASSES.map((b) => [JSON.stringify(b), b]))("refuses %s, which leaves the site", (_, raw) => {
    expect(safeCallback(raw, "/fallback")).toBe("/fallback");
  });

  it("stays on the site for every bypass, as a browser would resolve what it returns", () => {
    for (const raw of BYPASSES) expect(new URL(safeCallback(raw, "/fallback"), "https://site.test").origin, raw).toBe("https://site.test");
  });

  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallback("/review", "/x")).toBe("/review");
    expect(safeCallback("/learn/causes/quiz?step=2#q3", "/x")).toBe("/learn/causes/quiz?step=2#q3");
    expect(safeCallback("/sign-in?callbackUrl=%2Freview", "/x")).toBe("/sign-in?callbackUrl=%2Freview");
  });

  it("keeps encoded slashes and tabs as harmless path characters, in their encoded form", () => {
    for (const raw of ["/%2F/evil.example", "/%2f%2fevil.example", "/%09/evil.example", "/%5C/evil.example", "/%0A/evil.example"]) {
      const out = safeCallback(raw, "/fallback");
      expect(out, raw).toBe(raw);
      expect(new URL(out, "https://site.test").host, raw).toBe("site.test");
    }
  });

  it("falls back when there is nothing usable", () => {
    for (const raw of [null, undefined, "", "x".repeat(5000)]) expect(safeCallback(raw, "/fallback")).toBe("/fallback");
  });

  it("refuses a repeated parameter, which a page receives as an array, and can fall back to nothing", () => {
    expect(safeCallback(["/review", "/cards"], "/fallback")).toBe("/fallback");
    expect(safeCallback(undefined, null)).toBeNull();
    expect(safeCallback("/progress", null)).toBe("/progress");
  });
});
