"use server";
import { userAction } from "@/lib/action";
import { updateDeckSettings } from "@/lib/srs/deck-settings";
import { deckSettingsSchema } from "@/lib/validation/deck-settings";

export const saveDeckSettingsAction = userAction(deckSettingsSchema, "Your settings could not be saved just now. Please try again.", async (user, input) => ({
  settings: await updateDeckSettings(user.id, input),
}));
