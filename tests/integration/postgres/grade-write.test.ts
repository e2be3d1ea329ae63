import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { statements } from "@/lib/db/statements";
import { gradeReview } from "@/lib/srs/review";
import { readSettings } from "@/lib/settings";
import { firstCard, grade, makeUser } from "../helpers";
import { Rating } from "ts-fsrs";

// PostgreSQL only: every statement is a round trip, so a grade's card update and log insert
// go as one statement (lib/srs/review/grade.ts), a one-statement write (lib/db/sql.ts
// Sql.write); SQLite runs them as two in a transaction.
describe("a grade's writes on PostgreSQL", () => {
  it("update the card and insert its log in one statement, sent alone without BEGIN and COMMIT", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const user = await readSettings(u.id);
    const before = statements.count;
    const r = await gradeReview(user, grade(card.id, card.version, Rating.Good));
    // The card and load read, then the one write, which commits by itself.
    expect(statements.count - before).toBe(2);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: r.logId } });
    const stored = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored.version).toBe(card.version + 1);
    expect(log.nextVersion).toBe(stored.version);
    expect(stored.due.toISOString()).toBe(r.nextDue);
  });

  it("keep neither write for a grade that lost the race to another on the same card", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const user = await readSettings(u.id);
    // Both read the card at its version before either writes; the second write finds it moved on.
    const results = await Promise.allSettled([
      gradeReview(user, grade(card.id, card.version, Rating.Good)),
      gradeReview(user, grade(card.id, card.version, Rating.Again)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.reviewLog.count({ where: { userId: u.id } })).toBe(1);
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).version).toBe(card.version + 1);
  });
});
