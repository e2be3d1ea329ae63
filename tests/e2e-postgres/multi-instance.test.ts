import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { startServer, type Server } from "../../scripts/shared/server";
import { createLoadUsers, LOAD_PASSWORD } from "../../scripts/load/users";
import { gradeHttp, nextCard, signInHttp } from "../../scripts/load/http";
import { testEnv } from "@/lib/env";
import { Rating } from "ts-fsrs";

const pgUrl = inject("pgUrl");
const BASE = testEnv().E2E_PORT + 10;
const env = { DATABASE_URL: pgUrl, NEXTAUTH_SECRET: "two-instances-share-this-secret-000000" };
const servers: Server[] = [];
const db = createPrismaClient(pgUrl);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db.$disconnect();
});

describe("two stateless servers on one PostgreSQL database", () => {
  it("shows a grade made through one server on the other, with the same session", async () => {
    const [email] = await createLoadUsers(db, "multi", 1, 20);
    servers.push(await startServer(BASE, env), await startServer(BASE + 1, env));
    const [a, b] = servers as [Server, Server];
    const cookie = await signInHttp(a.url, email!, LOAD_PASSWORD);

    const card = (await nextCard(a.url, cookie))!;
    const graded = await gradeHttp(a.url, cookie, card, Rating.Easy);
    expect(graded.status).toBe(200);

    const res = await fetch(`${b.url}/api/review`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const { state } = (await res.json()) as { state: { lastLogId: string; card: { cardId: string } | null; today: { done: number } } };
    expect(state.today.done).toBe(1);
    expect(state.card?.cardId).not.toBe(card.cardId);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: state.lastLogId } });
    expect(log).toMatchObject({ cardId: card.cardId, clientId: graded.clientId, rating: Rating.Easy });

    // A repeat of the same grade sent to the other server is answered, not applied again.
    const again = await gradeHttp(b.url, cookie, card, Rating.Easy, graded.clientId);
    expect(again.status).toBe(200);
    expect(await db.reviewLog.count({ where: { clientId: graded.clientId } })).toBe(1);
  });

  it("throttles sign-in across servers, because the failures live in the database", async () => {
    const [email] = await createLoadUsers(db, "throttle", 1, 1);
    const [a, b] = servers as [Server, Server];
    for (let i = 0; i < 5; i++) await expect(signInHttp(i % 2 ? a.url : b.url, email!, "wrong-password-xyz")).rejects.toThrow(/sign-in failed/);
    await expect(signInHttp(b.url, email!, LOAD_PASSWORD)).rejects.toThrow(/sign-in failed/);
    expect(await db.signInAttempt.count({ where: { email: email!, success: false } })).toBe(5);
  });
});
