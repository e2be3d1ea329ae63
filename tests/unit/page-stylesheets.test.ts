import path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (f: string) => readFileSync(path.join(ROOT, f), "utf8");

// Every page carries the root layout's stylesheets inline, three times over (the <style> and two
// copies in the RSC payload): a page's own rules live beside the page, so that other pages do not
// download them.
const ROUTE_RULES: Record<string, { css: string; selectors: string[]; importedBy: string[] }> = {
  review: {
    css: "app/review/review.css",
    selectors: [".grades", ".check-in", ".swipe-hint", ".grade-guide", ".bad-day"],
    importedBy: ["app/review/page.tsx", "app/review-shell/page.tsx"],
  },
  cards: {
    css: "app/cards/cards.css",
    selectors: [".card-list", ".cards-table", ".filter-sheet", ".card-stats"],
    importedBy: ["app/cards/page.tsx", "app/cards/[id]/page.tsx"],
  },
  progress: { css: "app/progress/progress.css", selectors: [".heatmap", ".lesson-table", ".readout"], importedBy: ["app/progress/page.tsx"] },
  sources: { css: "app/sources/sources.css", selectors: [".source-record", ".source-quotes"], importedBy: ["app/sources/page.tsx"] },
  settings: { css: "app/settings/settings.css", selectors: [".time-pair", ".time-zone"], importedBy: ["app/settings/page.tsx"] },
  retention: {
    css: "app/settings/retention/retention.css",
    selectors: [".retention-group", ".retention-choices"],
    importedBy: ["app/settings/retention/page.tsx"],
  },
  now: { css: "app/now/now.css", selectors: [".now-step", ".pack-timer", ".yes-no", ".check-result"], importedBy: ["app/now/layout.tsx"] },
};
const EVERY_PAGE = ["app/globals.css", "app/_components/nav-links.css"];

describe("the stylesheets every page carries", () => {
  it.each(Object.entries(ROUTE_RULES))("leave the %s page's own rules to its stylesheet, which its pages import", (_, { css, selectors, importedBy }) => {
    const shared = EVERY_PAGE.map(read).join("\n");
    const own = read(css);
    for (const s of selectors) {
      const rule = new RegExp(`\\${s}(?![\\w-])`);
      expect(own, `${s} in ${css}`).toMatch(rule);
      expect(shared, `${s} in every page's stylesheet`).not.toMatch(rule);
    }
    const name = path.basename(css);
    for (const page of importedBy) expect(read(page), page).toMatch(new RegExp(`^import "[./]*(?:[\\w-]+/)*${name.replace(".", "\\.")}";$`, "m"));
  });
});
