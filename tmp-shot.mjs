import { chromium } from "playwright-core";
const [,, url, out, scheme = "light", w = "390", h = "844", full = "1"] = process.argv;
const b = await chromium.launch({ executablePath: process.env.CHR, args: ["--no-sandbox", "--disable-gpu"] });
const ctx = await b.newContext({ viewport: { width: +w, height: +h }, colorScheme: scheme, deviceScaleFactor: 1, isMobile: +w < 500, hasTouch: +w < 500 });
const p = await ctx.newPage();
await p.goto(url, { waitUntil: "networkidle" });
await p.screenshot({ path: out, fullPage: full === "1" });
await b.close();
