// First-load JavaScript of a few pages (sent, and gzip), script by script, against a running server:
// `npx tsx scripts/bench/js-report.ts http://localhost:3000 [paths…]`, signed in as the demo
// account and as a guest. The same measure as `npm run bench` (scripts/bench/pages.ts), for
// working on the budgets without the whole benchmark. Set VERBOSE=1 to list each script.
import { benchEnv } from "../../lib/env";
import { DEMO_ACCOUNT } from "../../lib/demo";
import { signInHttp } from "../load/http";
import { budgetFor } from "./js-budget";
import { firstLoadScripts, sizesOf } from "./pages";

const base = process.argv[2] ?? "http://localhost:3000";
const paths = process.argv.length > 3 ? process.argv.slice(3) : ["/", "/learn/causes", "/learn/causes/quiz", "/review", "/progress", "/sign-in", "/offline"];

async function main() {
  const cookie = benchEnv().GUEST_ONLY ? "" : await signInHttp(base, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
  for (const p of paths) {
    for (const [who, c] of [
      ["guest", ""],
      ["signed in", cookie],
    ] as const) {
      if (who === "signed in" && !c) continue;
      const res = await fetch(base + p, { headers: { cookie: c }, redirect: "manual" });
      const html = await res.text();
      if (res.status !== 200) {
        console.log(`${p} (${who}): HTTP ${res.status}`);
        continue;
      }
      const parts: string[] = [];
      let sent = 0;
      let gzip = 0;
      for (const src of firstLoadScripts(base, html)) {
        const size = await sizesOf(base + src);
        sent += size.sent;
        gzip += size.gzip;
        parts.push(`${src.split("/").pop()} ${(size.sent / 1000).toFixed(1)} kB sent, ${(size.gzip / 1000).toFixed(1)} kB gzip`);
      }
      const budget = budgetFor(p);
      console.log(
        `${p} (${who}): ${(sent / 1000).toFixed(1)} kB sent (${(gzip / 1000).toFixed(1)} kB gzip) in ${parts.length} scripts${budget ? ` (budget ${budget} kB sent)` : ""}`,
      );
      if (benchEnv().VERBOSE) console.log(`   ${parts.join("\n   ")}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
