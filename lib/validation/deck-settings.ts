import { z } from "zod";
import { wholeNumber } from "./common";
import { LEECH_ACTIONS } from "../srs/leech";

// The daily review limit and the leech rule (/settings, "Daily reviews and leeches").
export const DECK_SETTINGS_LIMITS = {
  reviewsPerDay: { min: 0, max: 9999 },
  leechThreshold: { min: 1, max: 99 },
} as const;

const L = DECK_SETTINGS_LIMITS;
const int = wholeNumber;

export const deckSettingsSchema = z.object({
  reviewsPerDay: int(L.reviewsPerDay.min, L.reviewsPerDay.max, "Reviews per day"),
  leechThreshold: int(L.leechThreshold.min, L.leechThreshold.max, "Leech threshold"),
  leechAction: z.enum(LEECH_ACTIONS, { error: "Choose what happens to a leech" }),
});
export type DeckSettings = z.output<typeof deckSettingsSchema>;
