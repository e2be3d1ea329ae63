import { describe, expect, it } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { authOptions, type SessionUser } from "@/lib/auth/session";
import { statements } from "@/lib/db/statements";
import { getReviewState, gradeAndNext, undoAndNext } from "@/lib/srs/review";
import { getDashboard } from "@/lib/progress/queries";
import { firstCard, grade, makeUser, SESSION } from "./helpers";
import { testEnv } from "@/lib/env";
import { Rating } from "ts-fsrs";

// The statement budget of the hot path, counted (not timed): every SQL statement this process
// sends, Prisma's and the drivers', BEGIN and COMMIT included.

// The session check as every request runs it: next-auth's session callback on the JWT.
async function sessionCheck(userId: string): Promise<SessionUser> {
  const session = (await authOptions.callbacks!.session!({ session: { expires: "" } as Session, token: { sub: userId, sv: 0 } as JWT } as never)) as Session;
  return session.user as SessionUser;
}

async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; n: number }> {
  const before = statements.count;
  const value = await fn();
  if (testEnv().PRINT_STATEMENTS) process.stderr.write(`STATEMENTS ${statements.count - before}\n`);
  return { value, n: statements.count - before };
}

describe("statements per request", () => {
  it("grades a card, with the session check and the next card, in at most 4 data statements plus BEGIN and COMMIT", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const { value, n } = await counted(async () => gradeAndNext(await sessionCheck(u.id), grade(card.id, card.version, Rating.Good)));
    expect(value.result.replay).toBe(false);
    expect(value.state.card).not.toBeNull();
    // session 1, the card with the queue without it 1, update 1, log insert 1 (on PostgreSQL one
    // statement for both); BEGIN and COMMIT around the writes.
    expect(n).toBeLessThanOrEqual(7);
    expect(n - 2).toBeLessThanOrEqual(4);
  });

  it("keeps the settings read with the session check out of the session's JSON", async () => {
    const u = await makeUser();
    const user = await sessionCheck(u.id);
    expect(user.settings?.timeZone).toBe("UTC");
    expect(JSON.parse(JSON.stringify(user))).toEqual({ id: u.id, email: u.email, name: null });
  });

  it("shows the review queue in two statements (session check and one read)", async () => {
    const u = await makeUser();
    const { n } = await counted(async () => getReviewState(await sessionCheck(u.id)));
    expect(n).toBe(2);
  });

  it("undoes a review with the session check and the next card in at most 7 statements including BEGIN and COMMIT", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const g = await gradeAndNext(u.id, grade(card.id, card.version, Rating.Good));
    const { value, n } = await counted(async () => undoAndNext(await sessionCheck(u.id), { logId: g.result.logId, sessionId: SESSION }));
    expect(value.result.replay).toBe(false);
    expect(n).toBeLessThanOrEqual(7);
  });

  it("builds /progress from a fixed number of statements, whatever the deck's size", async () => {
    const u = await makeUser();
    const { n } = await counted(() => getDashboard(u.id));
    // Eight for the numbers and charts, one for the days that excuse a missed review (the streak).
    expect(n).toBeLessThanOrEqual(9);
  });
});
