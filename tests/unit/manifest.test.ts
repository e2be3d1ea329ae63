import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { webManifest } from "@/lib/pwa/manifest";
import { isOfflinePage, lessonSlugOf } from "@/lib/pwa/offline-routes";
import { ICONS } from "@/scripts/make-icons";

const PUBLIC = path.resolve(import.meta.dirname, "../../public");

// A PNG's width and height sit in its IHDR chunk, bytes 16-23.
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("the web app manifest", () => {
  it("has the fields browsers need to install the app", () => {
    const m = webManifest();
    expect(m.name).toContain("Unknot");
    expect(m.short_name).toBe("Unknot");
    expect(m.short_name!.length).toBeLessThanOrEqual(12);
    expect(m.description).toBeTruthy();
    expect(m).toMatchObject({ start_url: "/", scope: "/", display: "standalone" });
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("lists a 192 and a 512 icon, plus a maskable 512, each a PNG of the size it claims", () => {
    const icons = webManifest().icons!;
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
    for (const icon of icons) {
      const [w, h] = pngSize(path.join(PUBLIC, icon.src));
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
  });

  it("ships every generated icon, the 180 apple-touch-icon included, at its size", () => {
    expect(ICONS.map((i) => i.size)).toEqual([192, 512, 512, 180]);
    for (const { file, size } of ICONS) expect(pngSize(path.join(PUBLIC, "icons", file))).toEqual([size, size]);
  });
});

describe("what the service worker may keep", () => {
  it("keeps lessons, quizzes and the offline page, never pages with a user's data (the personal home page among them)", () => {
    for (const p of ["/learn/causes", "/learn/cold-and-heat/quiz", "/offline"]) expect(isOfflinePage(p), p).toBe(true);
    for (const p of ["/", "/learn", "/review", "/progress", "/settings", "/account", "/sign-in", "/api/review", "/learn/causes/quiz/x"])
      expect(isOfflinePage(p), p).toBe(false);
  });

  it("keeps the flare plan and every page of the warning-sign check, and nothing else under /now", () => {
    for (const p of ["/now", "/now/check", "/now/check/7", "/now/check/result/emergency", "/now/check/result/self-care"])
      expect(isOfflinePage(p), p).toBe(true);
    for (const p of ["/now/x", "/now/check/x", "/now/check/result", "/now/check/7/8", "/nowhere"]) expect(isOfflinePage(p), p).toBe(false);
  });

  it("reads a lesson's slug from a cached URL", () => {
    expect(lessonSlugOf("http://localhost:3000/learn/posture")).toBe("posture");
    expect(lessonSlugOf("http://localhost:3000/learn/posture/quiz")).toBeNull();
    expect(lessonSlugOf("http://localhost:3000/review")).toBeNull();
  });
});
