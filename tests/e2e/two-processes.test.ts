import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { freshDatabase, ROOT, startServer, type Server } from "../../scripts/shared/server";
import { createLoadUsers, LOAD_PASSWORD } from "../../scripts/load/users";
import { gradeHttp, nextCard, signInHttp } from "../../scripts/load/http";
import { E2E_PORT } from "./suite";

// Two `next start` processes on one SQLite file. Each process has its own writer lock; across
// processes SQLite's file lock and the 15 s busy timeout serialise the writers. Every user
// grades through both servers in turn, so the two processes write the same rows.
const BASE = E2E_PORT + 6;
const FILE = path.join(ROOT, `data/test/two-processes-${BASE}.db`);
const URL = `file:${FILE}`;
const env = { DATABASE_URL: URL, NEXTAUTH_SECRET: "two-process-secret-not-for-production-0" };

const servers: Server[] = [];
let db: PrismaClient | undefined;
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.$disconnect();
});

describe("two server processes on one SQLite file", () => {
  it("store every grade from both exactly once, with no errors and a consistent file", { timeout: 300_000 }, async () => {
    await freshDatabase(FILE);
    db = createPrismaClient(URL);
    const emails = await createLoadUsers(db, "twoproc", 8, 40);
    servers.push(...(await Promise.all([startServer(BASE, env), startServer(BASE + 1, env)])));
    // A session cookie is valid on both servers: same secret, state in the database.
    const cookies = await Promise.all(emails.map((e) => signInHttp(servers[0]!.url, e, LOAD_PASSWORD)));

    const acked: string[] = [];
    const failures: number[] = [];
    const worker = async (cookie: string, i: number) => {
      let card = await nextCard(servers[i % 2]!.url, cookie);
      for (let n = 0; card && n < 30; n++) {
        const r = await gradeHttp(servers[(i + n) % 2]!.url, cookie, card, 1 + (n % 4));
        if (r.status === 200) acked.push(r.clientId);
        else failures.push(r.status);
        card = r.next;
      }
    };
    await Promise.all(cookies.map(worker));
    expect(failures).toEqual([]);
    expect(acked.length).toBe(8 * 30);

    const [{ integrity_check }] = await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    expect(integrity_check).toBe("ok");
    const stored = await db.reviewLog.findMany({ where: { clientId: { in: acked } }, select: { clientId: true } });
    expect(new Set(stored.map((s) => s.clientId)).size).toBe(acked.length);
    const cards = await db.card.findMany({ where: { user: { email: { in: emails } } }, include: { reviewLogs: { orderBy: { review: "desc" } } } });
    for (const c of cards) {
      expect(c.version).toBe(c.reviewLogs.length);
      if (c.reviewLogs[0]) expect(c.due.getTime()).toBe(c.reviewLogs[0].nextDue.getTime());
    }
  });
});
