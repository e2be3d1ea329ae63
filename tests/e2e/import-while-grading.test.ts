import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { freshDatabase, ROOT, startServer, type Server } from "../../scripts/shared/server";
import { createLoadUsers, LOAD_PASSWORD } from "../../scripts/load/users";
import { gradeHttp, nextCard, signInHttp } from "../../scripts/load/http";
import { E2E_PORT } from "./suite";
import { State, Rating } from "ts-fsrs";

// One SQLite server: one user imports a large export while another grades. SQLite has one
// writer per file, so the import must share the process's one writer lock with the hot path
// and write in short chunks, or the grades fail with "database is locked" or wait seconds.
const PORT = E2E_PORT + 30;
const FILE = path.join(ROOT, `data/test/import-while-grading-${PORT}.db`);
const URL = `file:${FILE}`;
const LOGS = 40_000;
// The documented bound on a write's wait (docs/data.md, "The write-wait bound").
const WRITE_WAIT_BOUND_MS = 15_000;

const servers: Server[] = [];
let db: PrismaClient | undefined;
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.$disconnect();
});

// An "unknot-export" document with LOGS reviews spread over the first 40 catalogue cards.
function bigExport(catalogCardIds: string[]): string {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const cards = catalogCardIds.map((catalogCardId, i) => ({
    id: `card${i}`,
    catalogCardId,
    addedAt: at(LOGS + 10),
    version: LOGS / catalogCardIds.length,
    state: State.Review,
    due: at(-1440),
    stability: 3,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    lastReview: at(1),
  }));
  const reviewLogs = Array.from({ length: LOGS }, (_, n) => ({
    cardId: `card${n % cards.length}`,
    clientId: randomUUID(),
    rating: Rating.Good,
    state: State.Review,
    due: at(LOGS - n + 1),
    stability: 3,
    difficulty: 5,
    elapsedDays: 0,
    lastElapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    review: at(LOGS - n),
    durationMs: 4000,
    reviewDay: 20000,
    prevDue: at(LOGS - n + 1),
    prevLastReview: null,
    prevElapsedDays: 0,
    prevReps: 0,
    prevLapses: 0,
    prevVersion: 0,
    nextState: 2,
    nextDue: at(LOGS - n - 1440),
    nextScheduledDays: 1,
    nextStability: 3,
    nextVersion: 1,
    undoneAt: null,
  }));
  return JSON.stringify({
    format: "unknot-export",
    version: 1,
    settings: { timeZone: "UTC", dayRolloverHour: 4, desiredRetention: 0.9, newCardsPerDay: 10, maximumInterval: 36500, enableFuzz: true, fsrsWeights: null },
    cards,
    reviewLogs,
    quizAttempts: [],
    parameterSets: [],
  });
}

describe("a large import on SQLite", () => {
  it(
    "lets another user's grades through while it is written: every grade is stored and answered, none waits past the write-wait bound",
    { timeout: 300_000 },
    async () => {
      await freshDatabase(FILE);
      db = createPrismaClient(URL);
      const [importer, grader] = await createLoadUsers(db, "importwhile", 2, 500);
      await db.card.deleteMany({ where: { user: { email: importer! } } });
      const importerId = (await db.user.findUniqueOrThrow({ where: { email: importer! } })).id;
      const catalogue = (await db.catalogCard.findMany({ orderBy: { position: "asc" }, take: 40, select: { id: true } })).map((c) => c.id);
      const body = bigExport(catalogue);
      const server = await startServer(PORT, { DATABASE_URL: URL, NEXTAUTH_SECRET: "import-while-grading-secret-000000000" });
      servers.push(server);
      const [importCookie, gradeCookie] = await Promise.all([signInHttp(server.url, importer!, LOAD_PASSWORD), signInHttp(server.url, grader!, LOAD_PASSWORD)]);

      let importDone = false;
      const imported = fetch(`${server.url}/api/account/import`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: importCookie },
        body,
      })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { reviewLogs?: number; error?: string } }))
        .finally(() => (importDone = true));

      const grades: { status: number; clientId: string; latencyMs: number; duringWrite: boolean }[] = [];
      let card = await nextCard(server.url, gradeCookie);
      // Grades until the import has answered, and a few more after.
      for (let after = 0; after < 3;) {
        if (importDone) after++;
        if (!card) {
          await new Promise((r) => setTimeout(r, 200));
          card = await nextCard(server.url, gradeCookie);
          continue;
        }
        // Sent once the import's first chunk is stored, while the import is still being written.
        const duringWrite = !importDone && (await db.reviewLog.count({ where: { userId: importerId } })) > 0;
        const r = await gradeHttp(server.url, gradeCookie, card, Rating.Again);
        grades.push({ status: r.status, clientId: r.clientId, latencyMs: r.latencyMs, duringWrite: duringWrite && !importDone });
        card = r.next;
      }

      const result = await imported;
      expect(result).toEqual({ status: 200, body: expect.objectContaining({ ok: true, reviewLogs: LOGS }) });
      expect(await db.reviewLog.count({ where: { userId: importerId } })).toBe(LOGS);

      expect(grades.filter((g) => g.status !== 200)).toEqual([]);
      const stored = await db.reviewLog.count({ where: { clientId: { in: grades.map((g) => g.clientId) } } });
      expect(stored).toBe(grades.length);
      // The documented bound on a write's wait (docs/data.md, "The write-wait bound").
      expect(Math.max(...grades.map((g) => g.latencyMs))).toBeLessThan(WRITE_WAIT_BOUND_MS);
      // Grades are not held behind the whole import: some were answered while it was written.
      expect(grades.filter((g) => g.duringWrite).length).toBeGreaterThan(0);
    },
  );
});
