import { describe, expect, it } from "vitest";
import { db, sqlDb, sql } from "@/lib/db";
import { gradeReview } from "@/lib/srs/review";
import { readSettings } from "@/lib/settings";
import { makeUser, grade } from "./helpers";
import { holdWriteLanes } from "./write-lanes";
import { Rating } from "ts-fsrs";

// A grade's write (lib/srs/review/grade.ts): on PostgreSQL one statement sent as a one-statement
// write (alone without BEGIN and COMMIT, or in a group commit when others wait), on SQLite two
// statements in a transaction of the group commit. Either way a grade that is answered is
// stored, and a stale version or a repeated clientId fails, or replays, only itself.

async function deck() {
  const u = await makeUser();
  const cards = await db.card.findMany({ where: { userId: u.id }, orderBy: { id: "asc" }, take: 4 });
  return { user: await readSettings(u.id), cards };
}

const logsOf = (userId: string) => db.reviewLog.findMany({ where: { userId }, select: { cardId: true, clientId: true, id: true } });

describe("a grade's write", () => {
  it("alone: a stale version is refused and stores nothing; a repeated clientId answers the first result", async () => {
    const { user, cards } = await deck();
    const card = cards[0]!;
    const first = await gradeReview(user, grade(card.id, card.version, Rating.Good, { clientId: "c-1" }));
    await expect(gradeReview(user, grade(card.id, card.version, Rating.Again))).rejects.toMatchObject({ status: 409 });
    const repeat = await gradeReview(user, grade(card.id, card.version, Rating.Good, { clientId: "c-1" }));
    expect(repeat).toEqual({ ...first, replay: true });
    expect(await logsOf(user.id)).toEqual([{ cardId: card.id, clientId: "c-1", id: first.logId }]);
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).version).toBe(card.version + 1);
  });

  it("in a group: every answered grade is stored, and a stale version or a repeated clientId touches only itself", async () => {
    const { user, cards } = await deck();
    const [a, b, c, d] = cards;
    // c is graded first, so the group's grade of c at its old version is stale; d's first grade
    // is repeated inside the group with the same clientId.
    const earlier = await gradeReview(user, grade(c!.id, c!.version, Rating.Good));
    const dFirst = await gradeReview(user, grade(d!.id, d!.version, Rating.Good, { clientId: "d-1" }));
    const release = holdWriteLanes(sqlDb);
    const sent = Promise.allSettled([
      gradeReview(user, grade(a!.id, a!.version, Rating.Good)),
      gradeReview(user, grade(c!.id, c!.version, Rating.Again)),
      gradeReview(user, grade(d!.id, d!.version, Rating.Good, { clientId: "d-1" })),
      gradeReview(user, grade(b!.id, b!.version, Rating.Easy)),
    ]);
    // The grades read their cards meanwhile and queue their writes behind the held lanes.
    for (let i = 0; i < 5; i++) await sqlDb.get(sql`SELECT 1 AS "n"`);
    await release();
    const [okA, stale, repeat, okB] = await sent;
    expect(stale).toMatchObject({ status: "rejected", reason: { status: 409 } });
    expect(repeat).toEqual({ status: "fulfilled", value: { ...dFirst, replay: true } });
    const answered = [okA, okB].map((o) => (o.status === "fulfilled" ? o.value.logId : null));
    const logs = await logsOf(user.id);
    expect(logs.map((l) => l.id).sort()).toEqual([earlier.logId, dFirst.logId, ...answered].sort());
    const versions = await db.card.findMany({ where: { id: { in: [a!.id, b!.id, c!.id, d!.id] } }, select: { id: true, version: true } });
    expect(Object.fromEntries(versions.map((v) => [v.id, v.version]))).toEqual({
      [a!.id]: a!.version + 1,
      [b!.id]: b!.version + 1,
      [c!.id]: c!.version + 1,
      [d!.id]: d!.version + 1,
    });
  });
});
