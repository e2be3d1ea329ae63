import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { kyselyOn, sqlDb, transaction, type Row } from "../../db";
import type { SqlTx } from "../../db/sql";
import { UserError } from "../../errors";
import type { CardActionInput, CardActionKind, UndoCardActionInput } from "../../validation/cards";
import { studyDayBounds } from "../day";
import { createScheduler, forgetCard } from "../scheduler";
import { CARD_FIELDS, cardFields, cardStateOf, type CardFields } from "../card-rows";
import { dayContextOf, schedulerSettingsOf } from "../settings";
import { settingsOf } from "../../settings";
import { applyAction, type Snapshot } from "./apply";

// Manual actions on cards: suspend, unsuspend, bury until the next study day, unbury, forget.
// Each runs in one transaction, only on the session user's cards (every statement carries the
// user id), and is idempotent: a card the action would not change is left alone and gets no
// history entry, so repeating an action changes nothing. Each changed card gets a CardEvent
// holding its fields as they were, under one batch id, so "Undo" restores the whole action.

export type CardActionResult = { batchId: string | null; changed: number; unchanged: number; kind: CardActionKind };

// A snapshot as stored (CardEvent.before: JSON, dates as ISO text) or as a card row from any
// driver (ISO text or Date, 0/1 or boolean): the card's fields and flags, nothing else.
const num = z.coerce.number().catch(0);
const dateOrNull = z.coerce
  .date()
  .nullish()
  .transform((d) => d ?? null);
const snapshotShape = z.object({
  state: num,
  due: z.coerce.date(),
  stability: num,
  difficulty: num,
  elapsedDays: num,
  scheduledDays: num,
  learningSteps: num,
  reps: num,
  lapses: num,
  lastReview: dateOrNull,
  suspendedAt: dateOrNull,
  buriedUntil: dateOrNull,
  leech: z.coerce.boolean().default(false),
}) satisfies z.ZodType<Snapshot>;

export const snapshotOf = (r: Row): Snapshot => snapshotShape.parse(r);

export const snapshotToJson = (s: Snapshot) => JSON.stringify(s);
// A CardEvent's `before`: the card's fields and flags just before the action.
export function snapshotFromJson(text: string): Snapshot {
  return snapshotShape.parse(JSON.parse(text));
}

// A card's snapshot and version, and the write of an action's result over them.
const SNAPSHOT_COLUMNS = [...CARD_FIELDS, "suspendedAt", "buriedUntil", "leech"] as const;

export async function cardAction(userOrId: Parameters<typeof settingsOf>[0], input: CardActionInput, now = new Date()): Promise<CardActionResult> {
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
  return transaction(async (tx) => {
    let changed = 0;
    for (const id of ids) {
      const row = await tx
        .selectFrom("Card")
        .select([...SNAPSHOT_COLUMNS, "version"])
        .where("id", "=", id)
        .where("userId", "=", user.id)
        .executeTakeFirst();
      // Another user's card, or none: the same answer, so ids cannot be probed.
      if (!row) throw new UserError("Some of those cards are not in your deck; nothing was changed.", 404);
      const { version: was, ...before } = row;
      const after = applyAction(input.action, before, ctx);
      if (!after) continue;
      const version = was + 1;
      await tx
        .updateTable("Card")
        .set({ ...after, version })
        .where("id", "=", id)
        .where("userId", "=", user.id)
        .execute();
      await tx
        .insertInto("CardEvent")
        .values({ id: randomUUID(), userId: user.id, cardId: id, batchId, kind: input.action, at: now, before: snapshotToJson(before), version })
        .execute();
      changed++;
    }
    return { batchId: changed ? batchId : null, changed, unchanged: ids.length - changed, kind: input.action };
  });
}

export type UndoCardActionResult = { restored: number; skipped: number; replay: boolean };

// Restores every card of one action exactly as it was, unless it changed since (a review, or
// a later action): such a card is left as it is and counted as skipped. Repeating the undo
// changes nothing (a skipped card stays skipped). History stays: the events are marked undone, not deleted.
export async function undoCardAction(userId: string, { batchId }: UndoCardActionInput, now = new Date()): Promise<UndoCardActionResult> {
  return sqlDb.transaction((tx) => restoreBatch(tx, userId, batchId, now));
}

// undoCardAction's work inside the caller's transaction, for undos that change more than the
// cards (an away period is marked undone with its cards, lib/srs/away).
export async function restoreBatch(sqlTx: SqlTx, userId: string, batchId: string, now: Date): Promise<UndoCardActionResult> {
  const tx = kyselyOn(sqlTx);
  const events = await tx
    .selectFrom("CardEvent")
    .select(["id", "cardId", "before", "version", "undoneAt"])
    .where("userId", "=", userId)
    .where("batchId", "=", batchId)
    .execute();
  if (events.length === 0) throw new UserError("Nothing to undo.", 404);
  const live = events.filter((e) => e.undoneAt == null);
  if (live.length === 0) return { restored: 0, skipped: 0, replay: true };
  let restored = 0;
  for (const e of live) {
    const s = snapshotFromJson(e.before);
    const r = await tx
      .updateTable("Card")
      .set((c) => ({ ...s, version: c("version", "+", 1) }))
      .where("id", "=", e.cardId)
      .where("userId", "=", userId)
      .where("version", "=", e.version)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) continue;
    await tx.updateTable("CardEvent").set({ undoneAt: now }).where("id", "=", e.id).where("userId", "=", userId).execute();
    restored++;
  }
  return { restored, skipped: live.length - restored, replay: false };
}
