import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/demo";
import { ROOT, waitUntilAnswering } from "../../scripts/shared/server";
import { nextCard, signInHttp } from "../../scripts/load/http";
import { testEnv } from "@/lib/env";

// Two `npm start` at once on a new PostgreSQL database: both prepare it (migrations, the content
// catalogue, the demo account) at the same moment. The e2e global setup has built the app.
const BASE = testEnv().E2E_PORT + 12;
const START = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.start as string;
const admin = new URL(testEnv().UNKNOT_TEST_PG_URL!);
const NAME = `${admin.pathname.slice(1) || "unknot"}_start`;
const url = new URL(admin);
url.pathname = `/${NAME}`;

const launched: ChildProcess[] = [];
afterAll(() => {
  for (const p of launched) if (p.exitCode === null && p.signalCode === null) p.kill("SIGTERM");
});

async function asAdmin(sql: string) {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function launch(port: number) {
  const [command, ...args] = START.split(" ");
  const proc = spawn(command === "node" ? process.execPath : command!, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATABASE_URL: url.toString(),
      NEXTAUTH_SECRET: "start-together-secret-not-for-production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  launched.push(proc);
  let output = "";
  proc.stdout!.on("data", (d) => (output += d));
  proc.stderr!.on("data", (d) => (output += d));
  const exit = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { proc, output: () => output, exit };
}

describe("two servers started at once on a new PostgreSQL database", () => {
  it("both prepare it without a clash and answer, with one catalogue and one demo account", { timeout: 300_000 }, async () => {
    await asAdmin(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
    await asAdmin(`CREATE DATABASE "${NAME}"`);
    const runs = [launch(BASE), launch(BASE + 1)];
    await Promise.all(runs.map((r, i) => waitUntilAnswering(`http://localhost:${BASE + i}`, r.proc, r.output, `npm start #${i + 1}`, 240)));
    for (const port of [BASE, BASE + 1]) {
      const cookie = await signInHttp(`http://localhost:${port}`, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      expect(await nextCard(`http://localhost:${port}`, cookie)).not.toBeNull();
    }
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const users = await client.query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [DEMO_ACCOUNT.email]);
      expect(users.rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
    for (const r of runs) r.proc.kill("SIGTERM");
    expect(await Promise.all(runs.map((r) => r.exit))).toEqual([0, 0]);
  });
});
