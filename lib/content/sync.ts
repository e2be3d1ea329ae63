import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import type { Lesson } from "./schema";
import { promptOf } from "./catalogue";

export type SyncReport = { added: number; updated: number; retired: number; restored: number; unchanged: number };

export function catalogueRows(lessons: Lesson[]) {
  let position = 0;
  return lessons.flatMap((lesson) => {
    const quick = new Set(lesson.sections.filter((s) => s.quickRelief).map((s) => s.id));
    return lesson.cards.map((card) => ({
      id: card.id,
      lessonSlug: lesson.slug,
      topic: lesson.topic,
      position: position++,
      front: promptOf(card),
      safety: card.safety === true,
      quickRelief: quick.has(card.section),
      contentHash: createHash("sha256").update(JSON.stringify(card)).digest("hex").slice(0, 16),
    }));
  });
}

// Brings the catalogue table in line with the content files. Keyed by the stable card id,
// so an edited card keeps every user's FSRS state and history; a removed card is retired
// (out of every queue, history kept) rather than deleted. Safe to run on every start.
export async function syncCatalogue(db: PrismaClient, lessons: Lesson[], now = new Date()): Promise<SyncReport> {
  const rows = catalogueRows(lessons);
  const report: SyncReport = { added: 0, updated: 0, retired: 0, restored: 0, unchanged: 0 };
  await db.$transaction(
    async (tx) => {
      const existing = new Map((await tx.catalogCard.findMany()).map((r) => [r.id, r]));
      for (const row of rows) {
        const prior = existing.get(row.id);
        existing.delete(row.id);
        if (!prior) {
          await tx.catalogCard.create({ data: row });
          report.added++;
        } else if (prior.retiredAt) {
          await tx.catalogCard.update({ where: { id: row.id }, data: { ...row, retiredAt: null } });
          report.restored++;
        } else if (
          prior.contentHash !== row.contentHash ||
          prior.position !== row.position ||
          prior.front !== row.front ||
          prior.safety !== row.safety ||
          prior.quickRelief !== row.quickRelief ||
          prior.lessonSlug !== row.lessonSlug ||
          prior.topic !== row.topic
        ) {
          await tx.catalogCard.update({ where: { id: row.id }, data: row });
          report.updated++;
        } else {
          report.unchanged++;
        }
      }
      const gone = [...existing.values()].filter((r) => !r.retiredAt).map((r) => r.id);
      if (gone.length) {
        await tx.catalogCard.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } });
        report.retired = gone.length;
      }
      // A new database gets every catalogue row here, one statement each: Prisma's default 5 s
      // is too short on a busy machine. It runs once per start, under the preparation lock.
    },
    { timeout: 60_000, maxWait: 15_000 },
  );
  return report;
}
