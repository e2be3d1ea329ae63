import { State } from "ts-fsrs";
import type { CardActionKind } from "../../validation/cards";
import type { CardFields } from "../card-rows";

// What a manual action makes of one card: pure, so idempotence is unit-tested. Null means the
// action would change nothing (suspending a suspended card), so it writes nothing and leaves
// no history entry.

export type Flags = { suspendedAt: Date | null; buriedUntil: Date | null; leech: boolean };
export type Snapshot = CardFields & Flags;

// What the action makes of a card, or null when it would change nothing. Pure given the
// scheduler (for forget).
export function applyAction(
  kind: CardActionKind,
  s: Snapshot,
  ctx: { now: Date; buryUntil: Date; forget: (c: CardFields) => CardFields; resetCounts: boolean },
): Snapshot | null {
  const t = ctx.now.getTime();
  switch (kind) {
    case "suspend":
      return s.suspendedAt ? null : { ...s, suspendedAt: ctx.now };
    case "unsuspend":
      return s.suspendedAt ? { ...s, suspendedAt: null } : null;
    case "bury":
      return s.buriedUntil && s.buriedUntil.getTime() >= ctx.buryUntil.getTime() ? null : { ...s, buriedUntil: ctx.buryUntil };
    case "unbury":
      return s.buriedUntil && s.buriedUntil.getTime() > t ? { ...s, buriedUntil: null } : null;
    case "forget": {
      const already = s.state === State.New && (!ctx.resetCounts || (s.reps === 0 && s.lapses === 0));
      return already ? null : { ...s, ...ctx.forget(s) };
    }
  }
}
