import { describe, expect, it } from "vitest";
import { resultsTable } from "../../scripts/bench/results-table";
import { laterUrls, lighthouseReport, median, precacheReport, precacheUrls, type PageScores } from "../../scripts/bench/lighthouse-report";

const run = (over: Partial<PageScores>): PageScores => ({ performance: 1, lcpMs: 1000, tbtMs: 0, cls: 0, accessibility: 1, bestPractices: 1, ...over });

describe("the bench's Lighthouse figures", () => {
  it("takes each figure's own median over the runs", () => {
    const m = median([run({ performance: 0.9, tbtMs: 300 }), run({ performance: 0.97, tbtMs: 100 }), run({ performance: 0.95, tbtMs: 50 })]);
    expect(m.performance).toBe(0.95);
    expect(m.tbtMs).toBe(100);
    expect(median([run({ lcpMs: 1000 }), run({ lcpMs: 2000 })]).lcpMs).toBe(1500);
  });

  it("marks a page missed when any one target is missed, and gives each figure its own verdict", () => {
    const r = lighthouseReport(
      [
        { path: "/learn", signedIn: false, scores: run({}) },
        { path: "/review", signedIn: true, scores: run({ cls: 0.01 }) },
      ],
      3,
    );
    expect(r.rows.map((row) => row.result)).toEqual(["PASS", "MISS"]);
    expect(r.rows[1]!.metric).toContain("/review signed in");
    const cls = r.figures.find((f) => f.measure === "Lighthouse mobile /review signed in: CLS");
    expect(cls).toMatchObject({ value: 0.01, target: "< 0.01", pass: false });
    expect(r.figures.filter((f) => f.measure.includes("/learn signed out")).every((f) => f.pass)).toBe(true);
    const table = resultsTable({ at: "2026-12-05T12:00:00Z", cores: 2, loadAverage: [0, 0, 0], only: ["lighthouse"], results: r.figures });
    expect(table).toContain("| Lighthouse mobile /review signed in: CLS | 0.01 | < 0.01 | **missed** |");
  });

  it("reads the precached shell from the built service worker and the pages saved later from its plan, and reports the count and size of each", () => {
    const sw = 'self.__SW_MANIFEST=[{revision:"a",url:"/_next/static/x.js"},{revision:null,url:"/icons/i.png"},{revision:"b",url:"/_next/static/x.js"}]';
    expect(precacheUrls(sw)).toEqual(["/_next/static/x.js", "/icons/i.png"]);
    expect(laterUrls(JSON.stringify({ shell: [], later: ["/learn/a", "/now"] }))).toEqual(["/learn/a", "/now"]);
    const r = precacheReport({ urls: 2, bytes: 2000, gzipBytes: 900, later: { urls: 3, bytes: 30_000, gzipBytes: 8000 } });
    expect(r.rows.map((row) => row.measured)).toEqual(["2 URLs, 2.0 kB (0.9 kB gzip)", "3 URLs, 30.0 kB (8.0 kB gzip)"]);
    expect(r.figures.map((f) => f.value)).toEqual([2, 0.9, 3, 8]);
  });
});
