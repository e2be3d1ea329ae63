import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readLessonFiles } from "@/lib/content/load";
import type { ContentCard, Lesson } from "@/lib/content/schema";
import { syncCatalogue } from "@/lib/content/sync";
import { addLessonToDeck } from "@/lib/srs/deck";
import { getReviewState, gradeReview } from "@/lib/srs/review";
import { firstCard, grade, makeUser } from "./helpers";
import { Rating } from "ts-fsrs";

// The lessons as prepare-db syncs them; each test edits a deep copy.
const realLessons = (): Lesson[] =>
  readLessonFiles()
    .map((l) => l.lesson)
    .sort((a, b) => a.order - b.order);
const TOTAL = realLessons().reduce((n, l) => n + l.cards.length, 0);

function edited(change: (lessons: Lesson[]) => void): Lesson[] {
  const lessons = structuredClone(realLessons());
  change(lessons);
  return lessons;
}

function reword(card: ContentCard) {
  if (card.kind === "qa") card.front += " (reworded)";
  else if (card.kind === "cloze") card.text += " (reworded)";
  else card.question += " (reworded)";
}

const catalogue = () => db.catalogCard.findMany({ orderBy: { id: "asc" } });

afterAll(async () => {
  await syncCatalogue(db, realLessons());
});

describe("syncing the content catalogue", () => {
  it("is idempotent: a second run reports every card unchanged and changes no row", async () => {
    await syncCatalogue(db, realLessons());
    const before = await catalogue();
    const report = await syncCatalogue(db, realLessons());
    expect(report).toEqual({ added: 0, updated: 0, retired: 0, restored: 0, unchanged: TOTAL });
    expect(await catalogue()).toEqual(before);
  });

  it("updates an edited card's hash and leaves every user's card and review history as they were", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    await gradeReview(u.id, grade(card.id, card.version, Rating.Good));
    const cardBefore = await db.card.findUniqueOrThrow({ where: { id: card.id } });
    const logsBefore = await db.reviewLog.findMany({ where: { cardId: card.id } });
    const hashBefore = (await db.catalogCard.findUniqueOrThrow({ where: { id: card.catalogCardId } })).contentHash;

    const report = await syncCatalogue(
      db,
      edited((ls) => reword(ls.flatMap((l) => l.cards).find((c) => c.id === card.catalogCardId)!)),
    );
    expect(report).toMatchObject({ updated: 1, unchanged: TOTAL - 1, added: 0, retired: 0 });
    expect((await db.catalogCard.findUniqueOrThrow({ where: { id: card.catalogCardId } })).contentHash).not.toBe(hashBefore);
    expect(await db.card.findUniqueOrThrow({ where: { id: card.id } })).toEqual(cardBefore);
    expect(await db.reviewLog.findMany({ where: { cardId: card.id } })).toEqual(logsBefore);

    expect(await syncCatalogue(db, realLessons())).toMatchObject({ updated: 1, unchanged: TOTAL - 1 });
    expect((await db.catalogCard.findUniqueOrThrow({ where: { id: card.catalogCardId } })).contentHash).toBe(hashBefore);
  });

  it("retires a removed card: the user keeps it and its history, but it leaves the queue and cannot be graded", async () => {
    const u = await makeUser();
    const card = await firstCard(u.id);
    const t0 = new Date(Date.now() + 60_000);
    await gradeReview(u.id, grade(card.id, card.version, Rating.Good), t0); // Good: a learning step due in 10 minutes
    const t1 = new Date(t0.getTime() + 11 * 60_000);
    expect((await getReviewState(u.id, t1)).card?.cardId).toBe(card.id);
    const graded = await db.card.findUniqueOrThrow({ where: { id: card.id } });

    const report = await syncCatalogue(
      db,
      edited((ls) => {
        for (const l of ls) l.cards = l.cards.filter((c) => c.id !== card.catalogCardId);
      }),
      t1,
    );
    expect(report.retired).toBe(1);
    expect((await db.catalogCard.findUniqueOrThrow({ where: { id: card.catalogCardId } })).retiredAt).toEqual(t1);
    expect(await db.card.findUniqueOrThrow({ where: { id: card.id } })).toEqual(graded);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    const state = await getReviewState(u.id, t1);
    expect(state.card?.cardId).not.toBe(card.id);
    expect(state.counts.learning).toBe(0);
    await expect(gradeReview(u.id, grade(card.id, graded.version, Rating.Good), t1)).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/retired/),
    });

    // Putting the card back into the content un-retires it, state and history intact.
    expect(await syncCatalogue(db, realLessons())).toMatchObject({ restored: 1, retired: 0, added: 0 });
    expect((await db.catalogCard.findUniqueOrThrow({ where: { id: card.catalogCardId } })).retiredAt).toBeNull();
    expect(await db.card.findUniqueOrThrow({ where: { id: card.id } })).toEqual(graded);
    expect((await getReviewState(u.id, t1)).card?.cardId).toBe(card.id);
  });

  it("adds a new card, which can then be added to a deck", async () => {
    const lessons = edited((ls) => {
      const last = ls[ls.length - 1]!;
      last.cards.push({
        id: "test-sync-new-card",
        section: last.sections[0]!.id,
        kind: "qa",
        front: "A card that exists only in this test?",
        back: "Yes.",
        explanation: "Added to check that new content reaches the catalogue.",
        sources: [{ guidance: "Written for the content-sync test." }],
      });
    });
    const lessonSlug = lessons[lessons.length - 1]!.slug;
    const report = await syncCatalogue(db, lessons);
    expect(report).toMatchObject({ added: 1, updated: 0, retired: 0, unchanged: TOTAL });
    expect(await db.catalogCard.findUniqueOrThrow({ where: { id: "test-sync-new-card" } })).toMatchObject({ lessonSlug, position: TOTAL, retiredAt: null });

    const u = await makeUser();
    const added = await addLessonToDeck(u.id, lessonSlug);
    expect(added.total).toBe(lessons[lessons.length - 1]!.cards.length);
    expect(await db.card.findUnique({ where: { userId_catalogCardId: { userId: u.id, catalogCardId: "test-sync-new-card" } } })).not.toBeNull();

    // Back to the real content: the test card is retired again.
    expect(await syncCatalogue(db, realLessons())).toMatchObject({ retired: 1, added: 0 });
  });
});
