import { chromium } from "playwright-core";
import { chromiumPath } from "/work/wt/i26fast/scripts/shared/chromium";
const base = process.argv[2]!;
const browser = await chromium.launch({ executablePath: await chromiumPath(), args: ["--no-sandbox", "--headless=new"] });
const ctx = await browser.newContext();
const page = await ctx.newPage();
await page.addInitScript(() => {
  document.addEventListener("securitypolicyviolation", (e) => console.log("CSP", e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber, e.sample));
});
page.on("console", (m) => console.log("console:", m.text().slice(0, 300)));
await page.goto(`${base}/sign-in?callbackUrl=%2Fprogress`);
await page.getByLabel("Email").fill("demo@unknot.local");
await page.getByLabel("Password").fill("unknot-demo-2026");
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.waitForURL((u) => u.pathname === "/progress", { timeout: 30_000 });
for (const p of ["/settings", "/review", "/cards", "/"]) {
  console.log("==", p);
  await page.goto(base + p, { waitUntil: "networkidle" });
  await page.waitForTimeout(1000);
}
const cdp = await ctx.newCDPSession(page);
await cdp.send("Audits.enable");
cdp.on("Audits.issueAdded", (i) => console.log("ISSUE", JSON.stringify(i.issue).slice(0, 600)));
for (const p of ["/settings", "/review"]) { await page.goto(base + p, { waitUntil: "networkidle" }); await page.waitForTimeout(1500); }
await browser.close();
