import { describe, expect, it } from "vitest";
import { parsePushMessage, safePath } from "@/lib/pwa/push-message";

describe("reading a push message in the service worker", () => {
  it("takes the reminder's title, text, badge count and target", () => {
    const msg = parsePushMessage(JSON.stringify({ title: "Review", body: "4 cards are due today.", url: "/review", badge: 4, tag: "review-reminder" }));
    expect(msg).toEqual({ title: "Review", body: "4 cards are due today.", url: "/review", badge: 4, tag: "review-reminder" });
  });

  it("shows a plain reminder for an empty or malformed message", () => {
    for (const text of [null, "", "not json", "42", JSON.stringify({ badge: -1, title: 7 })]) {
      expect(parsePushMessage(text)).toMatchObject({ title: "Time for a short review", url: "/review", badge: 0 });
    }
  });

  it("opens only a path on this site", () => {
    expect(safePath("/review")).toBe("/review");
    expect(safePath("//evil.example/x")).toBe("/review");
    expect(safePath("/\\evil.example")).toBe("/review");
    expect(safePath("https://evil.example/")).toBe("/review");
  });
});
