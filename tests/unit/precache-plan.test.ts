import { describe, expect, it } from "vitest";
import { planPrecache, SHELL_PAGES } from "@/lib/pwa/precache-plan";
import { getLessons } from "@/lib/content/load";

// The list Serwist makes of a build: its scripts and styles, the icons and every prerendered page.
const lessons = getLessons();
const build = [
  { url: "/_next/static/chunks/app.js", revision: null },
  { url: "/_next/static/chunks/app.css", revision: null },
  { url: "/icons/icon-192.png", revision: "i1" },
  { url: "/offline", revision: "o1" },
  { url: "/review-shell", revision: "r1" },
  { url: "/signed-out", revision: "s1" },
  { url: "/account-deleted", revision: "d1" },
  { url: "/sources", revision: "x1" },
  { url: "/now", revision: "n1" },
  { url: "/now/check/2", revision: "n2" },
  { url: "/now/check/result/gp", revision: "n3" },
  ...lessons.flatMap((l) => [
    { url: `/learn/${l.slug}`, revision: `${l.slug}-1` },
    { url: `/learn/${l.slug}/quiz`, revision: `${l.slug}-2` },
  ]),
];

describe("the service worker's precache plan", () => {
  it("precaches only the shell: the build's assets, the icons and the pages the worker falls back to", () => {
    const { shell } = planPrecache(build);
    expect(shell.map((e) => e.url)).toEqual([
      "/_next/static/chunks/app.js",
      "/_next/static/chunks/app.css",
      "/icons/icon-192.png",
      "/offline",
      "/review-shell",
      "/signed-out",
      "/account-deleted",
    ]);
    expect(shell.find((e) => e.url === "/offline")?.revision).toBe("o1");
    for (const page of SHELL_PAGES) expect(shell.map((e) => e.url)).toContain(page);
    expect(shell.some((e) => e.url.startsWith("/learn/") || e.url.startsWith("/now"))).toBe(false);
  });

  it("leaves every lesson, quiz and flare page to be fetched after the shell, and pages never used offline to the network", () => {
    const { later } = planPrecache(build);
    expect(later).toEqual(["/now", "/now/check/2", "/now/check/result/gp", ...lessons.flatMap((l) => [`/learn/${l.slug}`, `/learn/${l.slug}/quiz`])]);
    expect(later).not.toContain("/sources");
    expect(planPrecache(build).shell.map((e) => e.url)).not.toContain("/sources");
  });
});
