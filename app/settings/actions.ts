"use server";
import { userAction } from "@/lib/action";
import { setGroupRetention, updateSettings } from "@/lib/settings";
import { retentionChoiceSchema, settingsSchema } from "@/lib/settings/schema";

export const saveSettingsAction = userAction(settingsSchema, "Your settings could not be saved just now. Please try again.", async (user, input) => ({
  settings: await updateSettings(user.id, input),
}));

// Help me decide: one tap sets one group's desired retention to the value chosen.
export const applyRetentionAction = userAction(retentionChoiceSchema, "That value could not be set just now. Please try again.", async (user, input) => ({
  choice: await setGroupRetention(user.id, input),
}));
