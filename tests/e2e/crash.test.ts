import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { freshDatabase, ROOT, startServer, type Server } from "../../scripts/shared/server";
import { createLoadUsers, LOAD_PASSWORD } from "../../scripts/load/users";
import { gradeHttp, nextCard, signInHttp } from "../../scripts/load/http";
import { E2E_PORT } from "./suite";

const PORT = E2E_PORT + 1;
const FILE = path.join(ROOT, `data/test/crash-${PORT}.db`);
const URL = `file:${FILE}`;
const env = { DATABASE_URL: URL, NEXTAUTH_SECRET: "crash-test-secret-not-for-production-00" };

let server: Server | undefined;
let db: PrismaClient | undefined;
afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
});

describe("a server killed in the middle of grading", () => {
  it("keeps every acknowledged grade exactly once and no half-written grade", { timeout: 300_000 }, async () => {
    await freshDatabase(FILE);
    db = createPrismaClient(URL);
    const emails = await createLoadUsers(db, "crash", 8, 60);
    server = await startServer(PORT, env);
    const cookies = await Promise.all(emails.map((e) => signInHttp(server!.url, e, LOAD_PASSWORD)));

    const acked: string[] = [];
    let killed = false;
    const worker = async (cookie: string) => {
      let card = await nextCard(server!.url, cookie);
      while (card && !killed) {
        try {
          const r = await gradeHttp(server!.url, cookie, card, 1 + (acked.length % 4));
          if (r.status === 200) acked.push(r.clientId);
          card = r.next;
        } catch {
          return; // the connection died with the server
        }
      }
    };
    let loadDone = false;
    const load = Promise.all(cookies.map(worker)).finally(() => (loadDone = true));
    // Workers stop early only if grading failed; then the count check below says so.
    while (acked.length < 150 && !loadDone) await new Promise((r) => setTimeout(r, 20));
    expect(acked.length).toBeGreaterThanOrEqual(150);
    killed = true;
    server.proc.kill("SIGKILL");
    await load;
    await server.exited();

    // Restart on the same file: the app must come up and serve the stored state.
    server = await startServer(PORT, env);
    expect(await nextCard(server.url, await signInHttp(server.url, emails[0]!, LOAD_PASSWORD))).not.toBeUndefined();

    const [{ integrity_check }] = await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    expect(integrity_check).toBe("ok");
    const stored = await db.reviewLog.findMany({ where: { clientId: { in: acked } }, select: { clientId: true } });
    expect(stored.length).toBe(acked.length);
    expect(new Set(stored.map((s) => s.clientId)).size).toBe(acked.length);

    // Each grade writes the card and its log together: the card's version counts its logs and
    // its state is the last log's result.
    const cards = await db.card.findMany({ where: { user: { email: { in: emails } } }, include: { reviewLogs: { orderBy: { review: "desc" } } } });
    let graded = 0;
    for (const c of cards) {
      expect(c.version).toBe(c.reviewLogs.length);
      const last = c.reviewLogs[0];
      if (!last) continue;
      graded += c.reviewLogs.length;
      expect(c.due.getTime()).toBe(last.nextDue.getTime());
      expect(c.state).toBe(last.nextState);
      expect(c.reps).toBe(last.prevReps + 1);
    }
    expect(graded).toBeGreaterThanOrEqual(acked.length);
  });
});
