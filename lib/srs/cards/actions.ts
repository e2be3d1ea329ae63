import "server-only";
import { randomUUID } from "node:crypto";
import { sqlDb, sql, type Row } from "../../db";
import type { SqlTx } from "../../db/sql";
import { bool, dateOrNull, num, str } from "../../db/row";
import { parseInput, UserError } from "../../errors";
import { cardActionSchema, undoCardActionSchema, type CardActionKind } from "../../validation/cards";
import { studyDayBounds } from "../day";
import { createScheduler, forgetCard } from "../scheduler";
import { cardFields, cardFieldsOfRow, cardStateOf, type CardFields } from "../card-rows";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { settingsOf } from "../../settings";
import { applyAction, type Snapshot } from "./apply";

// Manual actions on cards: suspend, unsuspend, bury until the next study day, unbury, forget.
// Each runs in one transaction, only on the session user's cards (every statement carries the
// user id), and is idempotent: a card the action would not change is left alone and gets no
// history entry, so repeating an action changes nothing. Each changed card gets a CardEvent
// holding its fields as they were, under one batch id, so "Undo" restores the whole action.

export type CardActionResult = { batchId: string | null; changed: number; unchanged: number; kind: CardActionKind };

export const snapshotOf = (r: Row): Snapshot => ({
  ...cardFieldsOfRow(r),
  suspendedAt: dateOrNull(r.suspendedAt),
  buriedUntil: dateOrNull(r.buriedUntil),
  leech: bool(r.leech),
});

export const snapshotToJson = (s: Snapshot) => JSON.stringify(s);
// A CardEvent's `before`: the card's fields and flags just before the action.
export function snapshotFromJson(text: string): Snapshot {
  const o = JSON.parse(text) as Record<string, unknown>;
  return snapshotOf(o);
}

export async function cardAction(userOrId: Parameters<typeof settingsOf>[0], raw: unknown, now = new Date()): Promise<CardActionResult> {
  const input = parseInput(cardActionSchema, raw, "That action is not valid; nothing was changed.");
  const user = await settingsOf(userOrId);
  const f = createScheduler(schedulerSettingsOf(user));
  const ctx = {
    now,
    // Back at the start of the next study day (the learner's zone and rollover hour).
    buryUntil: studyDayBounds(now, dayContextOf(user)).end,
    forget: (c: CardFields) => cardFields(forgetCard(f, cardStateOf("forget", c), now, input.resetCounts)),
    resetCounts: input.resetCounts,
  };
  const ids = [...new Set(input.cardIds)];
  const batchId = randomUUID();
  return sqlDb.transaction(async (tx) => {
    let changed = 0;
    for (const id of ids) {
      const [row] =
        await tx.all(sql`SELECT "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview",
        "suspendedAt", "buriedUntil", "leech", "version" FROM "Card" WHERE "id" = ${id} AND "userId" = ${user.id}`);
      // Another user's card, or none: the same answer, so ids cannot be probed.
      if (!row) throw new UserError("Some of those cards are not in your deck; nothing was changed.", 404);
      const before = snapshotOf(row);
      const after = applyAction(input.action, before, ctx);
      if (!after) continue;
      const version = num(row.version) + 1;
      await tx.run(sql`
        UPDATE "Card" SET "state" = ${after.state}, "due" = ${after.due}, "stability" = ${after.stability}, "difficulty" = ${after.difficulty},
          "elapsedDays" = ${after.elapsedDays}, "scheduledDays" = ${after.scheduledDays}, "learningSteps" = ${after.learningSteps},
          "reps" = ${after.reps}, "lapses" = ${after.lapses}, "lastReview" = ${after.lastReview},
          "suspendedAt" = ${after.suspendedAt}, "buriedUntil" = ${after.buriedUntil}, "leech" = ${after.leech}, "version" = ${version}
        WHERE "id" = ${id} AND "userId" = ${user.id}`);
      await tx.run(sql`
        INSERT INTO "CardEvent" ("id", "userId", "cardId", "batchId", "kind", "at", "before", "version")
        VALUES (${randomUUID()}, ${user.id}, ${id}, ${batchId}, ${input.action}, ${now}, ${snapshotToJson(before)}, ${version})`);
      changed++;
    }
    return { batchId: changed ? batchId : null, changed, unchanged: ids.length - changed, kind: input.action };
  });
}

export type UndoCardActionResult = { restored: number; skipped: number; replay: boolean };

// Restores every card of one action exactly as it was, unless it changed since (a review, or
// a later action): such a card is left as it is and counted as skipped. Repeating the undo
// changes nothing (a skipped card stays skipped). History stays: the events are marked undone, not deleted.
export async function undoCardAction(userId: string, raw: unknown, now = new Date()): Promise<UndoCardActionResult> {
  const { batchId } = parseInput(undoCardActionSchema, raw, "Nothing to undo.");
  return sqlDb.transaction((tx) => restoreBatch(tx, userId, batchId, now));
}

// undoCardAction's work inside the caller's transaction, for undos that change more than the
// cards (an away period is marked undone with its cards, lib/srs/away).
export async function restoreBatch(tx: SqlTx, userId: string, batchId: string, now: Date): Promise<UndoCardActionResult> {
  const events = await tx.all(
    sql`SELECT "id", "cardId", "before", "version", "undoneAt" FROM "CardEvent" WHERE "userId" = ${userId} AND "batchId" = ${batchId}`,
  );
  if (events.length === 0) throw new UserError("Nothing to undo.", 404);
  const live = events.filter((e) => e.undoneAt == null);
  if (live.length === 0) return { restored: 0, skipped: 0, replay: true };
  let restored = 0;
  for (const e of live) {
    const s = snapshotFromJson(str(e.before));
    const n = await tx.run(sql`
        UPDATE "Card" SET "state" = ${s.state}, "due" = ${s.due}, "stability" = ${s.stability}, "difficulty" = ${s.difficulty},
          "elapsedDays" = ${s.elapsedDays}, "scheduledDays" = ${s.scheduledDays}, "learningSteps" = ${s.learningSteps},
          "reps" = ${s.reps}, "lapses" = ${s.lapses}, "lastReview" = ${s.lastReview},
          "suspendedAt" = ${s.suspendedAt}, "buriedUntil" = ${s.buriedUntil}, "leech" = ${s.leech}, "version" = "version" + 1
        WHERE "id" = ${str(e.cardId)} AND "userId" = ${userId} AND "version" = ${num(e.version)}`);
    if (n !== 1) continue;
    await tx.run(sql`UPDATE "CardEvent" SET "undoneAt" = ${now} WHERE "id" = ${str(e.id)} AND "userId" = ${userId}`);
    restored++;
  }
  return { restored, skipped: live.length - restored, replay: false };
}
