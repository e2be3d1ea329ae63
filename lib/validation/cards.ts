import { z } from "zod";

// One action on one card or a selection (/cards and the card info page).
export const CARD_ACTIONS = ["suspend", "unsuspend", "bury", "unbury", "forget"] as const;
export type CardActionKind = (typeof CARD_ACTIONS)[number];
export const MAX_SELECTION = 500;

export const cardActionSchema = z.object({
  action: z.enum(CARD_ACTIONS, { error: "Unknown action" }),
  cardIds: z
    .array(z.string().min(1).max(64), { error: "Choose at least one card" })
    .min(1, "Choose at least one card")
    .max(MAX_SELECTION, `Choose at most ${MAX_SELECTION} cards at a time`),
  // Forget only: also zero the review and lapse counts, as ts-fsrs's forget(reset_count) does.
  resetCounts: z.boolean().default(false),
});
export type CardActionInput = z.infer<typeof cardActionSchema>;

export const undoCardActionSchema = z.object({ batchId: z.string().uuid("Nothing to undo") });
export type UndoCardActionInput = z.infer<typeof undoCardActionSchema>;
